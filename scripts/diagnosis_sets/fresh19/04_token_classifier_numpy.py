"""Token-window classifier in NumPy: the 4 token ids of a window are embedded (table of 10 x 4),
the embeddings concatenated (16 features), a tanh layer of 8 units, a softmax over 3 classes.
Mean cross-entropy, SGD with heavy-ball momentum (lr 0.1, mu 0.9).

    X: int64 (n, 4), y: one-hot (n, 3)
"""

import numpy as np


class TokenClassifier:
    def __init__(self, vocab=10, dim=4, window=4, hidden=8, classes=3, lr=0.1, mu=0.9, seed=11):
        rng = np.random.default_rng(seed)
        self.emb = rng.normal(0.0, 1.0, (vocab, dim))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(window * dim), (window * dim, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.lr, self.mu = lr, mu
        self.names = ["emb", "W1", "b1", "W2", "b2"]
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        n = X.shape[0]
        self.x = self.emb[X].reshape(n, -1)
        self.h = np.tanh(self.x @ self.W1 + self.b1)
        z = self.h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.log((self.forward(X) * y).sum(axis=1))))

    def train_step(self, X, y):
        n = X.shape[0]
        p = self.forward(X)
        loss = -np.mean(np.log((p * y).sum(axis=1)))
        dz = (p - y) / n
        dW2 = self.h.T @ dz
        db2 = dz.sum(axis=0)
        da = (dz @ self.W2.T) * (1.0 - self.h ** 2)
        dW1 = self.x.T @ da
        db1 = da.sum(axis=0)
        dx = (da @ self.W1.T).reshape(n, X.shape[1], -1)
        demb = np.zeros_like(self.emb)
        np.add.at(demb, X, dx)
        self.grads = {"emb": demb, "W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        for k in self.names:
            self.velocity[k] = self.mu * self.velocity[k] + self.grads[k]
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
