"""Write the small seeded data sets of this folder (fixed seed, nothing random at training time).

    dsconv.npz   X float32 (48, 2, 6, 6) tiny two-channel images: a blob in one of three
                 places (top-left, centre, bottom-right) plus noise; y int64 (48,) which place
    grouped.npz  X float32 (48, 4, 12) four-channel short signals: a sine of one of three
                 frequencies in one channel pair plus noise; y int64 (48,) which frequency
    tcn.npz      X float32 (32, 1, 16) random walks; y float32 (32, 1, 16) a causal filter
                 of X (y[t] = 0.6 x[t] - 0.3 x[t-2] + 0.2 x[t-5], zero before the start)

    python3 scripts/diagnosis_sets/fresh146/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def dsconv_data(rng, n=48):
    y = rng.integers(0, 3, size=n).astype(np.int64)
    X = 0.3 * rng.standard_normal((n, 2, 6, 6))
    centres = [(1, 1), (2.5, 2.5), (4, 4)]
    ii, jj = np.meshgrid(np.arange(6), np.arange(6), indexing="ij")
    for k in range(n):
        ci, cj = centres[y[k]]
        blob = np.exp(-((ii - ci) ** 2 + (jj - cj) ** 2) / 2.0)
        X[k, 0] += blob
        X[k, 1] -= 0.5 * blob
    return X.astype(np.float32), y


def grouped_data(rng, n=48, length=12):
    y = rng.integers(0, 3, size=n).astype(np.int64)
    t = np.arange(length)
    X = 0.3 * rng.standard_normal((n, 4, length))
    freqs = [0.5, 1.0, 1.8]
    for k in range(n):
        phase = rng.uniform(0, 2 * np.pi)
        pair = rng.integers(0, 2)
        X[k, 2 * pair] += np.sin(freqs[y[k]] * t + phase)
        X[k, 2 * pair + 1] += np.cos(freqs[y[k]] * t + phase)
    return X.astype(np.float32), y


def tcn_data(rng, n=32, length=16):
    X = np.cumsum(0.4 * rng.standard_normal((n, 1, length)), axis=2)
    X -= X.mean(axis=2, keepdims=True)
    y = 0.6 * X.copy()
    y[:, :, 2:] -= 0.3 * X[:, :, :-2]
    y[:, :, 5:] += 0.2 * X[:, :, :-5]
    return X.astype(np.float32), y.astype(np.float32)


if __name__ == "__main__":
    rng = np.random.default_rng(146)
    X, y = dsconv_data(rng)
    np.savez(os.path.join(HERE, "dsconv.npz"), X=X, y=y)
    X, y = grouped_data(rng)
    np.savez(os.path.join(HERE, "grouped.npz"), X=X, y=y)
    X, y = tcn_data(rng)
    np.savez(os.path.join(HERE, "tcn.npz"), X=X, y=y)
    for name in ("dsconv", "grouped", "tcn"):
        d = np.load(os.path.join(HERE, name + ".npz"))
        print(name, {k: (d[k].shape, str(d[k].dtype)) for k in d.files})
