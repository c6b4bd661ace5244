"""Write the small data sets of fresh140 (fixed seed).

    attnpool.npz   X (64, 8, 7): 6 features per item, the last channel the validity mask (1 real, 0 padding);
                   y (64,) int64 class in 0..2
    gem.npz        X (64, 6, 5): item features; y (64, 1) float regression target
    maxlse.npz     X (64, 10, 6): 5 features per step, the last channel the validity mask;
                   y (64, 3) float multi-label targets in {0, 1}
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def masked_sets(rng, n, t, d, min_len):
    feats = rng.standard_normal((n, t, d))
    lengths = rng.integers(min_len, t + 1, size=n)
    mask = (np.arange(t)[None, :] < lengths[:, None]).astype(np.float64)
    feats = feats * mask[:, :, None]                     # padding items are zero
    return np.concatenate([feats, mask[:, :, None]], axis=2), mask, feats


def main():
    rng = np.random.default_rng(140)

    # attention pooling: class from the masked mean of a projection of the items
    X, mask, feats = masked_sets(rng, 64, 8, 6, 2)
    proj = rng.standard_normal((6, 3))
    mean = feats.sum(axis=1) / mask.sum(axis=1, keepdims=True)
    y = np.argmax(mean @ proj + 0.3 * rng.standard_normal((64, 3)), axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "attnpool.npz"), X=X, y=y)

    # GeM pooling: a regression target from a soft maximum of positive features
    X = rng.standard_normal((64, 6, 5))
    w = rng.standard_normal(5)
    y = (np.log(np.exp(2.0 * (X @ w)).mean(axis=1)) / 2.0)[:, None] * 0.5
    np.savez(os.path.join(HERE, "gem.npz"), X=X, y=y)

    # max-over-time + log-sum-exp pooling over padded sequences, multi-label
    X, mask, feats = masked_sets(rng, 64, 10, 5, 3)
    proj = rng.standard_normal((5, 3))
    score = np.where(mask[:, :, None] > 0, feats @ proj, -np.inf).max(axis=1)
    y = (score > np.median(score, axis=0)).astype(np.float64)
    np.savez(os.path.join(HERE, "maxlse.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
