"""Bag-of-embeddings text classifier from scratch: each sequence of 5 token ids (vocabulary of
12) is embedded (8 dimensions), the embeddings are averaged over the sequence (mean pooling),
then 8 -> 10 tanh -> 3 classes with softmax cross-entropy averaged over the batch. Plain SGD
at LR = 0.5; the embedding table is trained too.

    X: int64 (n, 5) token ids, y: one-hot (n, 3)
"""

import numpy as np

LR = 0.5


class TokenClassifier:
    def __init__(self, vocab=12, dim=8, hidden=10, n_classes=3, seed=15):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 1.0, (vocab, dim))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(dim), (dim, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n, L = X.shape
        pooled = self.E[X].sum(axis=1) / L                     # (n, dim), mean pooling
        h = np.tanh(pooled @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p)) / n

        dz = (p - y) / n
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        d_pooled = dh @ self.W1.T
        dE = np.zeros_like(self.E)
        np.add.at(dE, X, d_pooled[:, None, :])   # BUG: np.add.at(dE, X, d_pooled[:, None, :] / L)
        self.grads = {"E": dE, "W1": pooled.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in self.grads.items():
            getattr(self, k)[...] -= LR * g
        return float(loss)
