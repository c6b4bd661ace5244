"""Write the seeded sequence-tagging data sets of this set, next to this file.

    birnn.npz  X float64 (32, 8, 6) padded sequences (zeros past each length, lengths 3..8),
               y int64 (32, 8) tags in 0..4, -1 at padded positions (the padding mask)
    elman.npz  X float64 (24, 10, 5) padded sequences (lengths 4..10), y int64 (24, 10)
               tags in 1..5, 0 (the <pad> tag) at padded positions

The tag of a position depends on the current and the previous input vector (and, for the
bidirectional data, on the next one), so both directions carry information.

    python3 scripts/diagnosis_sets/fresh169/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def birnn_data(rng, n=32, steps=8, feats=6, tags=5):
    X = np.zeros((n, steps, feats))
    y = np.full((n, steps), -1, dtype=np.int64)
    proj = rng.standard_normal((3 * feats, tags))
    lengths = rng.integers(3, steps + 1, n)
    for i, L in enumerate(lengths):
        seq = rng.standard_normal((L, feats))
        X[i, :L] = seq
        prev = np.vstack([np.zeros((1, feats)), seq[:-1]])
        nxt = np.vstack([seq[1:], np.zeros((1, feats))])
        score = np.hstack([seq, 0.6 * prev, 0.6 * nxt]) @ proj
        y[i, :L] = score.argmax(axis=1)
    return X, y


def elman_data(rng, n=24, steps=10, feats=5, tags=5):
    X = np.zeros((n, steps, feats))
    y = np.zeros((n, steps), dtype=np.int64)
    proj = rng.standard_normal((2 * feats, tags))
    lengths = rng.integers(4, steps + 1, n)
    for i, L in enumerate(lengths):
        seq = rng.standard_normal((L, feats))
        X[i, :L] = seq
        prev = np.vstack([np.zeros((1, feats)), seq[:-1]])
        y[i, :L] = 1 + (np.hstack([seq, 0.8 * prev]) @ proj).argmax(axis=1)
    return X, y


def main():
    rng = np.random.default_rng(169)
    for name, make in (("birnn", birnn_data), ("elman", elman_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
