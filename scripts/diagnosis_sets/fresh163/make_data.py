"""Padded variable-length sequences for the LSTM classifiers of fresh163 (fixed seed).

Every X is (N, T, D + 1): D features per time step, then a last channel that is the
valid-step indicator (1.0 on the first `length` steps of a row, 0.0 on the padding);
the features are zero on padded steps. Programs read the per-row lengths off that
channel (lengths = X[:, :, -1].sum(1)).

    last.npz  X (24, 8, 5), y (24,) int64 in {0, 1, 2}    (lengths 3..8)
    mean.npz  X (24, 8, 4), y (24,) float 0/1             (lengths 3..8)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def padded(rng, n, t_max, d, min_len):
    lengths = rng.integers(min_len, t_max + 1, size=n)
    lengths[0] = t_max                       # at least one full-length row
    feats = rng.normal(0.0, 1.0, size=(n, t_max, d))
    mask = (np.arange(t_max)[None, :] < lengths[:, None]).astype(np.float64)
    feats *= mask[:, :, None]
    X = np.concatenate([feats, mask[:, :, None]], axis=2)
    return X, feats, mask, lengths


def main():
    rng = np.random.default_rng(163)

    X, feats, mask, lengths = padded(rng, 24, 8, 4, 3)
    # class from the mean of feature 0 over the valid steps, thirds
    score = feats[:, :, 0].sum(1) / lengths + 0.3 * feats[:, :, 1].sum(1) / lengths
    cuts = np.quantile(score, [1 / 3, 2 / 3])
    y = np.digitize(score, cuts).astype(np.int64)
    np.savez(os.path.join(HERE, "last.npz"), X=X, y=y)

    X, feats, mask, lengths = padded(rng, 24, 8, 3, 3)
    score = (feats[:, :, 0] * feats[:, :, 2]).sum(1) / lengths + 0.5 * feats[:, :, 1].sum(1) / lengths
    y = (score > np.median(score)).astype(np.float64)
    np.savez(os.path.join(HERE, "mean.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
