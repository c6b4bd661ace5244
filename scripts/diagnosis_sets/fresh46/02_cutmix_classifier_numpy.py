"""Three-class classifier with CutMix on feature columns: each row gets a contiguous block of
its columns replaced by the same block of a partner row, and its one-hot target mixed by area,
t = lam y_i + (1 - lam) y_j with lam the fraction of its own columns kept. 8 -> 12 ReLU -> 3
softmax, mean cross-entropy, plain gradient descent. Blocks and partners are stored in the data.

    X: (n, 17) = 8 features | 8-column 0/1 paste mask | partner index;  y: one-hot (n, 3)
"""

import numpy as np


class CutmixClassifier:
    def __init__(self, n_in=8, hidden=12, n_classes=3, lr=0.3, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.full(hidden, 0.1)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        feats, M, idx = X[:, :8], X[:, 8:16], X[:, 16].astype(np.int64)
        x = feats * (1 - M) + feats[idx] * M
        lam = 1 - M.mean(axis=1, keepdims=True)
        t = lam * y + (1 - lam) * y[idx]
        n = len(x)

        z1 = x @ self.W1 + self.b1
        h = np.maximum(z1, 0)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.sum(t * log_p) / n

        d_z = (np.exp(log_p) - t) / n
        d_z1 = (d_z @ self.W2.T) * (z1 > 0)
        self.grads = {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
