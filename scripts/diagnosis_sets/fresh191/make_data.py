"""Data for the fresh191 contrastive-learning programs (fixed seed).

Each file holds X (N, 2, D): two augmented views of N samples (view 0 in X[:, 0], view 1 in
X[:, 1]), and y (N,) int64: the class of each sample (used by the supervised contrastive loss,
ignored by SimCLR).

    simclr.npz   X (32, 2, 12), y (32,) in {0..3}
    supcon.npz   X (24, 2, 10), y (24,) in {0..3}, classes of unequal size

An augmentation is a random per-sample gain, a random feature dropout (masking) and
additive Gaussian noise applied to the clean sample.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def augment(rng, x):
    gain = rng.uniform(0.8, 1.2, (x.shape[0], 1))
    keep = rng.random(x.shape) > 0.15
    return gain * x * keep + 0.1 * rng.standard_normal(x.shape)


def make(rng, n, d, n_classes, probs=None):
    centers = rng.standard_normal((n_classes, d)) * 1.2
    y = rng.choice(n_classes, size=n, p=probs)
    clean = centers[y] + 0.5 * rng.standard_normal((n, d))
    X = np.stack([augment(rng, clean), augment(rng, clean)], axis=1)
    return X.astype(np.float64), y.astype(np.int64)


def main():
    rng = np.random.default_rng(191)
    X, y = make(rng, 32, 12, 4)
    np.savez(os.path.join(HERE, "simclr.npz"), X=X, y=y)
    X, y = make(rng, 24, 10, 4, probs=[0.4, 0.3, 0.2, 0.1])
    np.savez(os.path.join(HERE, "supcon.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
