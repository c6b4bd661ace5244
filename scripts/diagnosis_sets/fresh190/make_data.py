"""Write the seeded data set the fresh190 programs train on, next to this file.

    ssl.npz   X float64 (48, 16): each row is two views of one point, columns 0:8 the weak
              view (a small jitter), columns 8:16 the strong view (scaled, noisier, with
              two features dropped out); y int64 (48,): the class (0..3) for the 16 labelled
              rows (4 per class), -1 for the 32 unlabelled rows. Labelled and unlabelled rows
              are interleaved.

    python3 scripts/diagnosis_sets/fresh190/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
D, C = 8, 4
N_LAB, N_UNL = 16, 32


def ssl_data(rng):
    centres = 1.0 * rng.standard_normal((C, D))
    n = N_LAB + N_UNL
    cls = np.concatenate([np.repeat(np.arange(C), N_LAB // C), rng.integers(0, C, N_UNL)])
    clean = centres[cls] + 1.0 * rng.standard_normal((n, D))
    weak = clean + 0.1 * rng.standard_normal((n, D))
    strong = clean * rng.uniform(0.7, 1.3, (n, 1)) + 0.4 * rng.standard_normal((n, D))
    for i in range(n):                                   # cutout-like: drop two features
        strong[i, rng.choice(D, 2, replace=False)] = 0.0
    y = np.concatenate([cls[:N_LAB], -np.ones(N_UNL, dtype=np.int64)]).astype(np.int64)
    X = np.concatenate([weak, strong], axis=1)
    order = rng.permutation(n)                           # interleave labelled and unlabelled rows
    return X[order], y[order]


if __name__ == "__main__":
    rng = np.random.default_rng(190)
    X, y = ssl_data(rng)
    np.savez(os.path.join(HERE, "ssl.npz"), X=X, y=y)
    print("ssl.npz", X.shape, y.shape, "labelled", int((y >= 0).sum()))
