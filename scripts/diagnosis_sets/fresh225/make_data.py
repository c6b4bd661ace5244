"""Write the small seeded data sets of the fresh225 programs, next to this file.

    ds.npz   X float32 (32, 4, 16) four-channel sequences: one of three per-channel
             templates (a shifted bump, a ramp, an oscillation) plus noise,
             y int64 (32,) which template (0, 1, 2)          -- depthwise-separable net
    gs.npz   X float32 (24, 6, 20) six-channel random walks, y float32 (24,) a smooth
             function of the whole sequence (regression)     -- grouped strided net

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh225/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def ds_data(rng, n=32, c=4, t=16, classes=3, noise=0.6):
    time = np.arange(t)
    templates = np.empty((classes, c, t))
    for ch in range(c):
        centre = rng.uniform(3, 12)
        templates[0, ch] = np.exp(-0.5 * ((time - centre) / 2.0) ** 2) * rng.uniform(1, 2)
        templates[1, ch] = (time - t / 2) / t * rng.uniform(-2, 2)
        templates[2, ch] = np.sin(2 * np.pi * time / rng.uniform(3, 6) + rng.uniform(0, np.pi))
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = templates[y] + noise * rng.standard_normal((n, c, t))
    return X.astype(np.float32), y.astype(np.int64)


def gs_data(rng, n=24, c=6, t=20):
    X = np.cumsum(rng.standard_normal((n, c, t)) * 0.4, axis=2)
    X += rng.uniform(-1, 1, size=(n, c, 1))
    feat = np.tanh(X[:, :3].mean(axis=(1, 2))) - 0.5 * np.abs(X[:, 3:, -5:]).mean(axis=(1, 2))
    y = feat + 0.1 * rng.standard_normal(n)
    y = (y - y.mean()) / y.std()
    return X.astype(np.float32), y.astype(np.float32)


def main():
    rng = np.random.default_rng(225)
    X, y = ds_data(rng)
    np.savez(os.path.join(HERE, "ds.npz"), X=X, y=y)
    X, y = gs_data(rng)
    np.savez(os.path.join(HERE, "gs.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
