"""Write the data of the fresh201 set (fixed seed): two small classification problems.

    rms.npz  X (48, 12) float64, y (48,) int64 in {0, 1, 2, 3}
    ln.npz   X (32, 10) float64, y (32,) int64 in {0, 1, 2}

Labels come from a random two-layer teacher so that they depend on the inputs nonlinearly.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def teacher_data(rng, n, d, classes):
    X = rng.standard_normal((n, d))
    X[:, 0] *= 2.0                       # uneven feature scales: the norm has work to do
    X[:, 1] += 0.5
    W1 = rng.standard_normal((d, 8))
    W2 = rng.standard_normal((8, classes))
    y = np.argmax(np.tanh(X @ W1) @ W2, axis=1).astype(np.int64)
    return X, y


def main():
    rng = np.random.default_rng(201)
    X, y = teacher_data(rng, 48, 12, 4)
    np.savez(os.path.join(HERE, "rms.npz"), X=X, y=y)
    X, y = teacher_data(rng, 32, 10, 3)
    np.savez(os.path.join(HERE, "ln.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
