"""Data for the fresh213 set: 1-D segmentation, fixed seed.

seg.npz   X (32, 2, 16) float64, y (32, 1, 16) float64 mask in {0, 1}
          channel 0: a noisy signal with one or two raised bumps; channel 1: its local slope
          (plus noise); y marks the samples under a bump.
pool.npz  X (24, 1, 32) float64, y (24, 1, 32) mask: a noisy signal with one plateau.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def bumps(rng, n, length, channels, max_bumps):
    X = np.zeros((n, channels, length))
    y = np.zeros((n, 1, length))
    for i in range(n):
        sig = rng.normal(0.0, 0.3, length)
        for _ in range(rng.integers(1, max_bumps + 1)):
            w = rng.integers(2, length // 4 + 1)
            s = rng.integers(0, length - w)
            amp = rng.uniform(0.8, 1.6)
            sig[s:s + w] += amp
            y[i, 0, s:s + w] = 1.0
        X[i, 0] = sig
        if channels > 1:
            X[i, 1] = np.gradient(sig) + rng.normal(0.0, 0.1, length)
    return X, y


def main():
    rng = np.random.default_rng(213)
    X, y = bumps(rng, 32, 16, 2, 2)
    np.savez(os.path.join(HERE, "seg.npz"), X=X, y=y)
    X, y = bumps(rng, 24, 32, 1, 1)
    np.savez(os.path.join(HERE, "pool.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
