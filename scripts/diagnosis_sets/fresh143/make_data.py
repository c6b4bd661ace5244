"""Write the small seeded data sets of this folder's programs, next to this file.

    prelu.npz   X float64 (96, 6), y int64 (96,) in {0, 1, 2}: the arg-max of a fixed
                nonlinear score of the features (three classes)
    swish.npz   X float64 (64, 5), y float64 (64, 1) in [0, 1]: a smooth bounded function
                of the features, some targets exactly 0 or 1 (a clipped regression)
    clamp.npz   X float64 (80, 4) on a wider scale, y float64 (80, 1) in {0, 1}

Nothing random happens during training in any program: the batches are the whole
data set, in this order.

    python3 scripts/diagnosis_sets/fresh143/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def prelu_data(rng):
    X = rng.standard_normal((96, 6))
    R = rng.standard_normal((6, 3))
    score = np.tanh(X @ R) + 0.3 * (X[:, :3] ** 2)
    y = np.argmax(score, axis=1).astype(np.int64)
    return X, y


def swish_data(rng):
    X = rng.standard_normal((64, 5))
    t = 0.5 + 0.45 * np.sin(X[:, 0] + 0.5 * X[:, 1] * X[:, 2]) + 0.2 * X[:, 3] - 0.1 * X[:, 4]
    y = np.clip(t, 0.0, 1.0).reshape(-1, 1)
    return X, y


def clamp_data(rng):
    X = 1.5 * rng.standard_normal((80, 4))
    y = ((X[:, 0] * X[:, 1] + np.abs(X[:, 2]) - 1.0 + 0.5 * X[:, 3]) > 0).astype(np.float64)
    return X, y.reshape(-1, 1)


def main():
    rng = np.random.default_rng(143)
    for name, make in (("prelu", prelu_data), ("swish", swish_data), ("clamp", clamp_data)):
        X, y = make(rng)
        np.savez(os.path.join(HERE, name + ".npz"), X=X, y=y)
        print(name, X.shape, X.dtype, y.shape, y.dtype)


if __name__ == "__main__":
    main()
