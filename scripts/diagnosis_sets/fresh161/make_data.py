"""Write the small seeded data sets of the fresh161 programs, next to this file.

    tcn.npz   X float32 (32, 3, 24) three-channel series (channels first), one of three
              classes of phase-shifted sinusoid bursts plus noise; y int64 (32,) in {0, 1, 2}
    dil.npz   X float32 (24, 20, 4) four-channel series stored channels-last (N, L, C) as a
              logger writes them; y int64 (24,) in {0, 1, 2, 3}

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh161/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def series(rng, n, c, length, classes, noise=0.4):
    y = np.arange(n) % classes
    rng.shuffle(y)
    t = np.arange(length)
    freq = rng.uniform(0.15, 0.6, size=(classes, c))
    phase = rng.uniform(0, 2 * np.pi, size=(classes, c))
    X = np.empty((n, c, length))
    for i in range(n):
        k = y[i]
        shift = rng.integers(0, 4)
        X[i] = np.sin(freq[k][:, None] * (t[None, :] + shift) + phase[k][:, None])
        X[i] *= rng.uniform(0.7, 1.3)
    X += noise * rng.standard_normal(X.shape)
    return X.astype(np.float32), y.astype(np.int64)


def main():
    rng = np.random.default_rng(161)
    X, y = series(rng, 32, 3, 24, 3)
    np.savez(os.path.join(HERE, "tcn.npz"), X=X, y=y)
    X, y = series(rng, 24, 4, 20, 4)
    np.savez(os.path.join(HERE, "dil.npz"), X=np.ascontiguousarray(X.transpose(0, 2, 1)), y=y)


if __name__ == "__main__":
    main()
