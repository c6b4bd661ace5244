"""Write the data sets of fresh206 (fixed seed): padded character-id sequences and class labels.

chars.npz  X int64 (32, 16), y int64 (32,) in {0..3}, vocabulary 24 (id 0 = padding)
multi.npz  X int64 (48, 16), y int64 (48,) in {0..3}, vocabulary 24 (id 0 = padding)

Each sequence has a random length (8..16) of characters 1..23, padded with 0 at the end;
its class is the index of the class-specific trigram planted at a random position.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
VOCAB, LENGTH, CLASSES = 24, 16, 4


def make(n, seed):
    rng = np.random.default_rng(seed)
    motifs = rng.integers(1, VOCAB, size=(CLASSES, 3))
    X = np.zeros((n, LENGTH), dtype=np.int64)
    y = rng.integers(0, CLASSES, size=n).astype(np.int64)
    for i in range(n):
        length = int(rng.integers(8, LENGTH + 1))
        X[i, :length] = rng.integers(1, VOCAB, size=length)
        start = int(rng.integers(0, length - 2))
        X[i, start:start + 3] = motifs[y[i]]
    return X, y


if __name__ == "__main__":
    X, y = make(32, 206)
    np.savez(os.path.join(HERE, "chars.npz"), X=X, y=y)
    X, y = make(48, 2061)
    np.savez(os.path.join(HERE, "multi.npz"), X=X, y=y)
    print("wrote chars.npz, multi.npz")
