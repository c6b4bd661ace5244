"""Bag-of-words classifier in NumPy written with a count matrix: each row of X (4 token ids) is
turned into counts over the vocabulary, counts @ E sums the row's embeddings, then tanh(. W1 +
b1) and a softmax over 3 classes. Mean cross-entropy, SGD with Nesterov momentum (torch's
form: v = mu v + g; p -= lr (g + mu v)).
"""

import numpy as np


class CountsBagClassifier:
    def __init__(self, vocab=10, dim=5, hidden=6, classes=3, lr=0.1, mu=0.9, seed=19):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 0.5, (vocab, dim))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(dim), (dim, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.vocab, self.lr, self.mu = vocab, lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("E", "W1", "b1", "W2", "b2")}

    def counts(self, X):
        C = np.zeros((len(X), self.vocab), dtype=self.E.dtype)
        np.add.at(C, (np.arange(len(X))[:, None], X), 1.0)
        return C

    def forward(self, X):
        self.C = self.counts(X)
        self.bag = self.C @ self.E
        self.h = np.tanh(self.bag @ self.W1 + self.b1)
        z = self.h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.log(self.forward(X)[y.astype(bool)])))

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.mean(np.log(p[y.astype(bool)]))
        dz = (p - y) / len(X)
        dh = (dz @ self.W2.T) * (1 - self.h ** 2)
        grads = {"W2": self.h.T @ dz, "b2": dz.sum(0), "W1": self.bag.T @ dh, "b1": dh.sum(0),
                 "E": self.C.T @ (dh @ self.W1.T)}
        for k, g in grads.items():
            v = self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * (g + self.mu * v)
        return float(loss)
