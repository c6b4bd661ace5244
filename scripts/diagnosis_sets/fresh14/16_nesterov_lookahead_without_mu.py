"""NumPy ReLU / softmax classifier (5 -> 10 -> 4, mean cross-entropy, Nesterov momentum,
mini-batches of 10), Nesterov in torch's form: v = mu v + g; W -= lr (g + mu v). The look-ahead
term lost its mu: W -= lr (g + v), so every step carries the whole new velocity instead of mu
times it (the first step moves 2 lr g instead of 1.9 lr g, later steps mu v_prev + 2 g instead
of mu^2 v_prev + (1 + mu) g)."""

import numpy as np


class NesterovSoftmax:
    def __init__(self, X, y, n_hidden=10, lr=0.1, mu=0.9):
        rng = np.random.default_rng(1416)
        self.W1 = rng.normal(0, 0.45, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.45, (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.mu = lr, mu
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def gradients(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        z2 = h @ self.W2 + self.b2
        z2 = z2 - z2.max(axis=1, keepdims=True)
        p = np.exp(z2)
        p /= p.sum(axis=1, keepdims=True)
        dz2 = (p - y) / X.shape[0]
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        return {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}

    def train_step(self, X, y):
        for k, g in self.gradients(X, y).items():
            self.v[k] = self.mu * self.v[k] + g
            setattr(self, k, getattr(self, k) - self.lr * (g + self.v[k]))   # BUG: the look-ahead is mu v: self.lr * (g + self.mu * self.v[k])
