"""Write the seeded data sets of fresh207 next to this file.

    lstm.npz  X float64 (32, 8, 3) random sequences, y float64 (32, 1): a smooth function of the
              whole sequence (a decaying running sum of feature 0, a late product, an early value)
    seq.npz   X float64 (40, 6, 4) random walks per feature, y float64 (40, 1): the scaled
              displacement of features 0 and 1 over the sequence plus the mean of feature 2

    python3 scripts/diagnosis_sets/fresh207/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def lstm_data(rng, rows=32, steps=8, features=3):
    X = rng.standard_normal((rows, steps, features))
    decay = 0.8 ** np.arange(steps)[::-1]
    s = (X[:, :, 0] * decay).sum(axis=1) + 0.5 * X[:, -2, 1] * X[:, -1, 2] - 0.4 * X[:, 0, 1]
    y = np.tanh(0.4 * s)[:, None]
    return X, y


def seq_data(rng, rows=40, steps=6, features=4):
    X = np.cumsum(0.5 * rng.standard_normal((rows, steps, features)), axis=1)
    disp = (X[:, -1, 0] - X[:, 0, 0]) - 0.5 * (X[:, -1, 1] - X[:, 0, 1])
    y = (0.3 * disp + 0.2 * X[:, :, 2].mean(axis=1))[:, None]
    return X, y


def main():
    rng = np.random.default_rng(207)
    for name, make in (("lstm", lstm_data), ("seq", seq_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
