"""Next-word model with tied input and output embeddings, NumPy: the two previous words'
embeddings E[w] concatenated, h = tanh(e W + b), and the logits reuse the embedding table as the
output projection, logits = h E^T + c (Press & Wolf). E gets one gradient from the lookup and one
from the output layer. Mean cross-entropy, and Adagrad in min-char-rnn's form
(mem += d * d; param -= lr * d / sqrt(mem + 1e-8)) over a list of (name, gradient) updates.

    X: (n, 2) int word ids, y: (n, V) one-hot next word
"""

import numpy as np

VOCAB, DIM = 10, 6


class TiedLM:
    def __init__(self, lr=0.1, seed=10):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 0.8, (VOCAB, DIM))
        self.W = rng.normal(0.0, 1.0 / np.sqrt(2 * DIM), (2 * DIM, DIM))
        self.b = np.zeros(DIM)
        self.c = np.zeros(VOCAB)
        self.lr = lr
        self.mem = {k: np.zeros_like(getattr(self, k)) for k in ("E", "W", "b", "c")}

    def forward(self, X):
        self.e = self.E[X].reshape(len(X), 2 * DIM)
        self.h = np.tanh(self.e @ self.W + self.b)
        logits = self.h @ self.E.T + self.c
        return logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-(y * self.forward(X)).sum() / len(X))

    def train_step(self, X, y):
        n = len(X)
        logp = self.forward(X)
        loss = -(y * logp).sum() / n
        dlogits = (np.exp(logp) - y) / n
        dc = dlogits.sum(axis=0)
        dE_out = dlogits.T @ self.h
        dz = dlogits @ self.E * (1.0 - self.h ** 2)
        dW, db = self.e.T @ dz, dz.sum(axis=0)
        dE_in = np.zeros_like(self.E)
        np.add.at(dE_in, X, (dz @ self.W.T).reshape(n, 2, DIM))
        self.grads = {"E": dE_in + dE_out, "W": dW, "b": db, "c": dc}

        updates = [("E", dE_in), ("E", dE_out), ("W", dW), ("b", db), ("c", dc)]   # fix: updates = [("E", dE_in + dE_out), ("W", dW), ("b", db), ("c", dc)]
        for name, dparam in updates:
            param, mem = getattr(self, name), self.mem[name]
            mem += dparam * dparam
            param += -self.lr * dparam / np.sqrt(mem + 1e-8)
        return float(loss)
