"""Multinomial classifier in NumPy, 4 -> 8 ReLU -> 3 softmax, mean cross-entropy, gradient
descent. Written from a statistics course's multinomial logit, where the first category is the
reference (its logit pinned at 0, the other classes' logits measured against it).

    X: (n, 4), y: (n, 3) one-hot
"""

import numpy as np

LR = 0.5


class MultinomialNet:
    def __init__(self, n_in=4, hidden=8, n_classes=3, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        z = np.hstack([np.zeros((len(h), 1)), (h @ self.W2 + self.b2)[:, 1:]])   # fix: z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dz = (p - y) / len(X)
        dz1 = (dz @ self.W2.T) * (z1 > 0)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dz1)
        self.b1 -= LR * dz1.sum(axis=0)
        return float(loss)
