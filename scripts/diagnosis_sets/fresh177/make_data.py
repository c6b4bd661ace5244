"""Data for the fresh177 distillation set (fixed seed).

Each file holds X (float, features) and y (float): column 0 is the hard label (an integer
stored as a float), columns 1: are the fixed teacher's logits for that row. The teacher is
a random two-layer tanh network, scaled to be fairly confident; about 15 % of the hard
labels are flipped to another class, so the hard and soft targets do not always agree.

    kd_a.npz  X (48, 10), y (48, 1 + 5)
    kd_b.npz  X (40, 12), y (40, 1 + 4)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def make(rng, n, d, c, scale):
    X = rng.standard_normal((n, d))
    A = rng.standard_normal((d, 20)) / np.sqrt(d)
    B = rng.standard_normal((20, c)) / np.sqrt(20)
    teacher = scale * (np.tanh(X @ A) @ B)
    labels = teacher.argmax(axis=1)
    flip = rng.random(n) < 0.15
    labels[flip] = (labels[flip] + rng.integers(1, c, flip.sum())) % c
    y = np.concatenate([labels[:, None].astype(np.float64), teacher], axis=1)
    return X, y


def main():
    rng = np.random.default_rng(177)
    X, y = make(rng, 48, 10, 5, 4.0)
    np.savez(os.path.join(HERE, "kd_a.npz"), X=X, y=y)
    X, y = make(rng, 40, 12, 4, 3.0)
    np.savez(os.path.join(HERE, "kd_b.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
