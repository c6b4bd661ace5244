"""Token windows for the fresh159 transformer language models (fixed seed).

A character stream drawn from a random sparse Markov chain (each token has a few likely
successors), cut into overlapping windows: X[i] = stream[s:s+T], y[i] = stream[s+1:s+T+1].

    gpt.npz  X (24, 8) int64 in [0, 16), y (24, 8)   for gpt_numpy.py / gpt_torch.py
    lm1.npz  X (16, 6) int64 in [0, 10), y (16, 6)   for lm1_numpy.py / lm1_torch.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def stream(rng, vocab, length):
    trans = rng.random((vocab, vocab)) ** 4
    trans /= trans.sum(axis=1, keepdims=True)
    s = [int(rng.integers(vocab))]
    for _ in range(length - 1):
        s.append(int(rng.choice(vocab, p=trans[s[-1]])))
    return np.array(s, dtype=np.int64)


def windows(rng, seq, n, T):
    starts = rng.choice(len(seq) - T - 1, size=n, replace=False)
    X = np.stack([seq[s:s + T] for s in starts]).astype(np.int64)
    y = np.stack([seq[s + 1:s + T + 1] for s in starts]).astype(np.int64)
    return X, y


def main():
    rng = np.random.default_rng(159)
    X, y = windows(rng, stream(rng, 16, 400), 24, 8)
    np.savez(os.path.join(HERE, "gpt.npz"), X=X, y=y)
    X, y = windows(rng, stream(rng, 10, 300), 16, 6)
    np.savez(os.path.join(HERE, "lm1.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
