"""Write the small seeded data sets the fresh131 programs train on, next to this file.

    ln.npz   X float64 (64, 6), y float64 (64, 2): a smooth two-output regression
    rg.npz   X float64 (64, 8), y int64 (64,): three classes from a fixed random projection
    wn.npz   X float64 (48, 5), y float64 (48, 1): a smooth one-output regression

    python3 scripts/diagnosis_sets/fresh131/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(131)

    X = rng.standard_normal((64, 6))
    y = np.stack([np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2],
                  np.tanh(X[:, 3] - X[:, 4]) + 0.3 * X[:, 5] ** 2], axis=1)
    y += 0.05 * rng.standard_normal(y.shape)
    np.savez(os.path.join(HERE, "ln.npz"), X=X, y=y)

    X = rng.standard_normal((64, 8)) * np.array([1.0, 2.0, 0.5, 1.0, 3.0, 1.0, 0.2, 1.5])
    P = rng.standard_normal((8, 3))
    y = np.argmax(np.tanh(X) @ P + 0.1 * rng.standard_normal((64, 3)), axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "rg.npz"), X=X, y=y)

    X = rng.uniform(-2.0, 2.0, size=(48, 5))
    y = (np.cos(X[:, 0]) * X[:, 1] + 0.5 * np.abs(X[:, 2]) - 0.2 * X[:, 3] * X[:, 4])[:, None]
    np.savez(os.path.join(HERE, "wn.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
