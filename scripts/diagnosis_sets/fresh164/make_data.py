"""Data for the fresh164 set (fixed seed). Run from anywhere; writes bn.npz and ln.npz beside this file.

bn.npz  X (48, 30) float32: 6 features, then a fixed dropout keep-mask (24 columns, keep prob 0.75)
        y (48,) float32: a smooth nonlinear regression target with noise
ln.npz  X (40, 40) float32: 8 features, then a fixed dropout keep-mask (32 columns, keep prob 0.8)
        y (40,) int64 in {0, 1, 2, 3}
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(164)

    n, d, h = 48, 6, 24
    feats = rng.normal(0.0, 1.0, (n, d)) * np.array([1.0, 2.0, 0.5, 1.5, 1.0, 3.0]) + 0.5
    mask = (rng.random((n, h)) < 0.75).astype(np.float64)
    y = (np.sin(feats[:, 0]) + 0.3 * feats[:, 1] * feats[:, 2] - 0.2 * feats[:, 5]
         + 0.1 * rng.normal(size=n))
    np.savez(os.path.join(HERE, "bn.npz"), X=np.hstack([feats, mask]).astype(np.float32),
             y=y.astype(np.float32))

    n, d, h, k = 40, 8, 32, 4
    feats = rng.normal(0.0, 1.0, (n, d))
    centers = rng.normal(0.0, 1.5, (k, d))
    y = rng.integers(0, k, n)
    feats = feats + centers[y]
    mask = (rng.random((n, h)) < 0.8).astype(np.float64)
    np.savez(os.path.join(HERE, "ln.npz"), X=np.hstack([feats, mask]).astype(np.float32),
             y=y.astype(np.int64))


if __name__ == "__main__":
    main()
