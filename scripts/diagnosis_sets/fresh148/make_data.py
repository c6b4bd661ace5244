"""Write the small seeded data sets of the fresh148 programs, next to this file.

    distill.npz  X float64 (64, 6) features;
                 y float64 (64, 5): column 0 the class label in {0, 1, 2},
                 columns 1..3 a teacher network's logits, column 4 a regression target
                 (heavy-tailed, so that the Huber loss sees both of its regimes)
    seg.npz      X float64 (32, 1, 8, 8) noisy images with a bright rectangle,
                 y float64 (32, 1, 8, 8) the rectangle's mask in {0, 1}
    rank.npz     X float64 (48, 2, 5) pairs of items (x1, x2);
                 y float64 (48, 3): column 0 +1/-1 similar or not, column 1 +1/-1 whether
                 x1 should rank above x2, column 2 whether x1 was clicked (0/1)

    python3 scripts/diagnosis_sets/fresh148/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def distill_data(rng, rows=64, features=6):
    X = rng.standard_normal((rows, features))
    A = rng.standard_normal((features, 3))
    scores = X @ A
    cls = scores.argmax(axis=1)
    # flip a few labels so the hard labels and the teacher disagree now and then
    flip = rng.random(rows) < 0.15
    cls[flip] = rng.integers(0, 3, flip.sum())
    teacher = 0.8 * scores + 0.3 * rng.standard_normal((rows, 3))
    reg = np.sin(X[:, 0]) * 2.0 + X[:, 1] * X[:, 2] + rng.standard_t(2, rows)
    y = np.column_stack([cls.astype(np.float64), teacher, reg])
    return X, y


def seg_data(rng, rows=32, size=8):
    X = 0.3 * rng.standard_normal((rows, 1, size, size))
    y = np.zeros((rows, 1, size, size))
    for n in range(rows):
        h, w = rng.integers(2, 5, 2)
        r, c = rng.integers(0, size - h + 1), rng.integers(0, size - w + 1)
        y[n, 0, r:r + h, c:c + w] = 1.0
    X += 1.0 * y
    return X, y


def rank_data(rng, rows=48, features=5):
    X = rng.standard_normal((rows, 2, features))
    u = rng.standard_normal(features)
    quality = X @ u                                      # (rows, 2)
    rank = np.where(quality[:, 0] > quality[:, 1], 1.0, -1.0)
    same = (np.sign(X[:, 0, 0]) == np.sign(X[:, 1, 0]))
    sim = np.where(same, 1.0, -1.0)
    click = (quality[:, 0] + 0.5 * rng.standard_normal(rows) > 0.8).astype(np.float64)
    y = np.column_stack([sim, rank, click])
    return X, y


def main():
    rng = np.random.default_rng(148)
    for name, make in (("distill", distill_data), ("seg", seg_data), ("rank", rank_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
