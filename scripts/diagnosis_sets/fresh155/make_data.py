"""Write the small seeded data sets of fresh155 next to this file.

Sequences are padded with zeros after each one's length (lengths 2..6, padding at the end);
both programs recover the mask as np.any(X != 0, axis=2), the Keras Masking convention
(a real step never has every feature exactly 0).

    cls.npz   X float64 (24, 6, 3) padded sequences, y int64 (24,) in {0, 1, 2}
              (many-to-one: the class of the whole sequence)
    tag.npz   X float64 (24, 6, 4) padded sequences, y int64 (24, 6) in {0, 1, 2}
              (many-to-many: a tag per step; 0 at padded steps, masked out of the loss)
    tag2.npz  X float64 (20, 5, 3) padded sequences, y int64 (20, 5) in {0, 1, 2, 3}

    python3 scripts/diagnosis_sets/fresh155/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def pad(rng, n, T, d, lo=2):
    lengths = rng.integers(lo, T + 1, n)
    lengths[0] = T                                   # at least one full-length sequence
    X = rng.standard_normal((n, T, d))
    for k, L in enumerate(lengths):
        X[k, L:] = 0.0
    return X, lengths


def cls_data(rng, n=24, T=6, d=3):
    X, lengths = pad(rng, n, T, d)
    score = np.array([X[k, :L, 0].sum() - 0.5 * X[k, L - 1, 1] for k, L in enumerate(lengths)])
    y = np.digitize(score, [-0.7, 0.7]).astype(np.int64)
    return X, y, lengths


def tag_data(rng, n, T, d, K):
    X, lengths = pad(rng, n, T, d)
    y = np.zeros((n, T), dtype=np.int64)
    for k, L in enumerate(lengths):
        run = np.cumsum(X[k, :L, 0])                 # the tag depends on the prefix
        y[k, :L] = np.digitize(run + 0.5 * X[k, :L, 1], np.linspace(-1.0, 1.0, K - 1))
    return X, y, lengths


def main():
    rng = np.random.default_rng(155)
    sets = {"cls": cls_data(rng), "tag": tag_data(rng, 24, 6, 4, 3), "tag2": tag_data(rng, 20, 5, 3, 4)}
    for name, (X, y, lengths) in sets.items():
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y, lengths=lengths)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape} {np.bincount(y.ravel())}, "
              f"lengths {np.bincount(lengths)}")


if __name__ == "__main__":
    main()
