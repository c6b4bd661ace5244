"""Write the data of the fresh147 set: a tiny character corpus cut into sequences.

chars.npz: X int64 (32, 8) token ids, y int64 (32, 8) the next token of each
position (X shifted by one), over a vocabulary of 16 characters. The corpus is
drawn from a fixed random Markov chain with a fixed seed, so tokens repeat
inside every batch (the embedding gradients must scatter-add).
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(147)
    vocab, T, N = 16, 8, 32
    # a sparse-ish transition matrix so that the text has structure to learn
    logits = rng.standard_normal((vocab, vocab)) * 2.0
    P = np.exp(logits)
    P /= P.sum(axis=1, keepdims=True)
    length = N * T + 1 + 64
    text = np.empty(length, dtype=np.int64)
    text[0] = rng.integers(vocab)
    for i in range(1, length):
        text[i] = rng.choice(vocab, p=P[text[i - 1]])
    starts = rng.choice(length - T - 1, size=N, replace=False)
    X = np.stack([text[s:s + T] for s in starts]).astype(np.int64)
    y = np.stack([text[s + 1:s + T + 1] for s in starts]).astype(np.int64)
    np.savez(os.path.join(HERE, "chars.npz"), X=X, y=y)
    print("chars.npz", X.shape, y.shape, "distinct tokens", len(np.unique(X)))


if __name__ == "__main__":
    main()
