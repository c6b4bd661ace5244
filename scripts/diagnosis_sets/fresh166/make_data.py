"""Write the data of the fresh166 set (fixed seed): next-token windows drawn from a small
random Markov chain over a toy vocabulary.

    nplm.npz   X (48, 3) int64 context ids in [0, 24), y (48,) next id  -- one running text
    padlm.npz  X (96, 4) int64 context ids in [0, 30), y (96,) in [1, 30) -- sentences, each
               window left-padded with id 0 (the pad token) at the start of a sentence
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def markov(rng, vocab, low=0):
    """A sparse-ish random transition matrix over ids low..vocab-1."""
    k = vocab - low
    logits = rng.standard_normal((k, k)) * 2.0
    P = np.exp(logits)
    return P / P.sum(axis=1, keepdims=True)


def nplm(rng):
    V, n, N = 24, 3, 48
    P = markov(rng, V)
    seq = [int(rng.integers(V))]
    while len(seq) < N + n:
        seq.append(int(rng.choice(V, p=P[seq[-1]])))
    seq = np.array(seq, dtype=np.int64)
    X = np.stack([seq[i:i + n] for i in range(N)]).astype(np.int64)
    y = seq[n:n + N].astype(np.int64)
    np.savez(os.path.join(HERE, "nplm.npz"), X=X, y=y)


def padlm(rng):
    V, n, N = 30, 4, 96
    P = markov(rng, V, low=1)
    X, y = [], []
    while len(y) < N:
        length = int(rng.integers(5, 12))
        sent = [1 + int(rng.integers(V - 1))]
        while len(sent) < length:
            sent.append(1 + int(rng.choice(V - 1, p=P[sent[-1] - 1])))
        padded = [0] * n + sent
        for i in range(1, len(sent)):
            X.append(padded[i:i + n])
            y.append(sent[i])
    X = np.array(X[:N], dtype=np.int64)
    y = np.array(y[:N], dtype=np.int64)
    np.savez(os.path.join(HERE, "padlm.npz"), X=X, y=y)


if __name__ == "__main__":
    rng = np.random.default_rng(166)
    nplm(rng)
    padlm(rng)
