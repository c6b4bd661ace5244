"""Write the small seeded data sets of the fresh125 programs, next to this file.

    adadelta.npz   X float64 (64, 6), y int64 (64,) one of 3 classes (nearest of three centres)
    adamax.npz     X float64 (48, 5), y float64 (48, 1) in {0, 1} (a noisy linear rule)
    lookahead.npz  X float64 (64, 4), y float64 (64, 2) a smooth function of X plus fixed noise

    python3 scripts/diagnosis_sets/fresh125/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def adadelta_data(rng):
    centres = rng.standard_normal((3, 6)) * 1.5
    y = rng.integers(0, 3, size=64)
    X = centres[y] + rng.standard_normal((64, 6))
    return X, y.astype(np.int64)


def adamax_data(rng):
    X = rng.standard_normal((48, 5))
    w = np.array([1.0, -2.0, 0.5, 0.0, 1.5])
    logits = X @ w + 0.3 + 0.5 * rng.standard_normal(48)
    y = (logits > 0).astype(np.float64)[:, None]
    return X, y


def lookahead_data(rng):
    X = rng.uniform(-1.0, 1.0, size=(64, 4))
    noise = 0.05 * rng.standard_normal((64, 2))
    y = np.stack([np.sin(2.0 * X[:, 0]) + X[:, 1] * X[:, 2],
                  np.cos(X[:, 3]) - 0.5 * X[:, 0]], axis=1) + noise
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(125)
    X, y = adadelta_data(rng)
    np.savez(os.path.join(HERE, "adadelta.npz"), X=X, y=y)
    X, y = adamax_data(rng)
    np.savez(os.path.join(HERE, "adamax.npz"), X=X, y=y)
    X, y = lookahead_data(rng)
    np.savez(os.path.join(HERE, "lookahead.npz"), X=X, y=y)
