"""NumPy 3-class softmax classifier (ReLU hidden layer of 8, mean cross-entropy) with Nesterov
momentum in torch's form, v = mu v + g; w -= lr (g + mu v). The update line is written
lr (v + mu g): the velocity and the gradient exchanged in the look-ahead. Both agree on the
first step (v = g); afterwards the old velocity decays by mu instead of mu^2."""

import numpy as np


class NesterovSoftmax:
    def __init__(self, X, y, hidden=8, lr=0.1, mu=0.9):
        rng = np.random.default_rng(12)
        self.W1 = rng.normal(0, 0.4, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.4, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.vel = {}
        self.lr, self.mu = lr, mu

    def gradients(self, X, y):
        n = X.shape[0]
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0)
        z2 = h @ self.W2 + self.b2
        z2 = z2 - z2.max(axis=1, keepdims=True)
        p = np.exp(z2) / np.exp(z2).sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(p)) / n)
        d2 = (p - y) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}, loss

    def train_step(self, X, y):
        grads, loss = self.gradients(X, y)
        for name, g in grads.items():
            v = self.mu * self.vel.get(name, np.zeros_like(g)) + g
            self.vel[name] = v
            param = getattr(self, name)
            param -= self.lr * (v + self.mu * g)   # BUG: Nesterov's look-ahead: self.lr * (g + self.mu * v)
        return loss
