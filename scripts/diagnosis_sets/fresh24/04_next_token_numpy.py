"""Next-token model in NumPy (a Bengio-style n-gram network): the embeddings of a window of 4
tokens are concatenated, passed through a tanh layer, and a softmax over the vocabulary of 12
predicts the next token. Mean cross-entropy, SGD with momentum.

    X: (n, 4) int token ids, y: (n, 12) one-hot next token
"""

import numpy as np


class NextTokenModel:
    def __init__(self, vocab=12, dim=8, context=4, hidden=16, lr=0.2, mu=0.9, seed=4):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 1.0, (vocab, dim))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(dim * context), (dim * context, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, vocab))
        self.b2 = np.zeros(vocab)
        self.names = ("E", "W1", "b1", "W2", "b2")
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        self.flat = self.E[X].reshape(len(X), -1)
        self.h = np.tanh(self.flat @ self.W1 + self.b1)
        logits = self.h @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        self.logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return self.logp

    def loss(self, X, y):
        return float(-(y * self.forward(X)).sum() / len(X))

    def train_step(self, X, y):
        n = len(X)
        logp = self.forward(X)
        loss = -(y * logp).sum() / n
        dlogits = (np.exp(logp) - y) / n
        g = {"W2": self.h.T @ dlogits, "b2": dlogits.sum(axis=0)}
        dz = (dlogits @ self.W2.T) * (1.0 - self.h ** 2)
        g["W1"], g["b1"] = self.flat.T @ dz, dz.sum(axis=0)
        demb = (dz @ self.W1.T).reshape(X.shape + (self.E.shape[1],))
        g["E"] = np.zeros_like(self.E)
        np.add.at(g["E"], X, demb)
        self.grads = g
        for k in self.names:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
