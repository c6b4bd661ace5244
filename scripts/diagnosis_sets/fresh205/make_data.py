"""Data for the fresh205 set (fixed seed): run from anywhere, writes quantile.npz and multilabel.npz
next to this file."""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def quantile_data(rng, n=48, d=6):
    # heteroscedastic regression: the spread of the target grows with |x0|, so the
    # 0.1 / 0.5 / 0.9 quantiles of y given x are far apart and not parallel
    X = rng.standard_normal((n, d))
    w = rng.standard_normal(d) * 0.5
    scale = 0.3 + 0.8 * np.abs(X[:, 0])
    y = X @ w + 0.5 * np.sin(X[:, 1]) + scale * rng.standard_normal(n)
    return X.astype(np.float32), y.astype(np.float32)


def multilabel_data(rng, n=40, d=8, labels=5):
    # five labels with different positive rates (rarer labels get a larger pos_weight)
    X = rng.standard_normal((n, d))
    W = rng.standard_normal((d, labels))
    offsets = np.array([0.0, -0.6, -1.0, 0.4, -1.4])
    logits = X @ W / np.sqrt(d) + offsets + 0.5 * rng.standard_normal((n, labels))
    Y = (logits > 0).astype(np.float32)
    assert Y.sum(axis=0).min() >= 3
    return X.astype(np.float32), Y


if __name__ == "__main__":
    rng = np.random.default_rng(205)
    Xq, yq = quantile_data(rng)
    np.savez(os.path.join(HERE, "quantile.npz"), X=Xq, y=yq)
    Xm, Ym = multilabel_data(rng)
    np.savez(os.path.join(HERE, "multilabel.npz"), X=Xm, y=Ym)
    print("quantile", Xq.shape, yq.shape, "multilabel", Xm.shape, Ym.shape,
          "positives per label", Ym.sum(axis=0))
