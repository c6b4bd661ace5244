"""Write the seeded data sets of fresh172/ next to this file.

    att.npz  X int64 (32, 6) token ids in 0..9, y int64 (32,) in {0, 1, 2}: the residue class
             (token % 3) that occurs most often in the sequence (ties: the smallest residue)
    mha.npz  X int64 (32, 8): a CLS token (id 1) at position 0, then 2..7 tokens in 2..11 and
             padding (id 0) up to length 8; y int64 (32,) in {0, 1, 2}: the sum of the real
             tokens modulo 3

    python3 scripts/diagnosis_sets/fresh172/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def att_data(rng, rows=32, seq_len=6, vocab=10):
    X = rng.integers(0, vocab, size=(rows, seq_len)).astype(np.int64)
    counts = np.stack([(X % 3 == r).sum(axis=1) for r in range(3)], axis=1)
    y = counts.argmax(axis=1).astype(np.int64)
    return X, y


def mha_data(rng, rows=32, seq_len=8, vocab=12):
    X = np.zeros((rows, seq_len), dtype=np.int64)
    X[:, 0] = 1
    lengths = rng.integers(3, seq_len + 1, size=rows)
    lengths[0] = seq_len                                  # at least one row without padding
    for n in range(rows):
        X[n, 1:lengths[n]] = rng.integers(2, vocab, size=lengths[n] - 1)
    y = (X[:, 1:].sum(axis=1) % 3).astype(np.int64)
    return X, y


def main():
    rng = np.random.default_rng(172)
    for name, make in (("att", att_data), ("mha", mha_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape} classes {np.bincount(y)}")


if __name__ == "__main__":
    main()
