"""ReLU network for binary labels (5 -> 8 -> 1, sigmoid output, mean binary cross-entropy)
trained with heavy-ball momentum (v = mu v + g, W -= lr v). The predicted probabilities are
kept away from 0 and 1 so that the logs in the loss stay finite."""

import numpy as np

EPS = 1e-7


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ReluLogistic:
    def __init__(self, X, y, hidden=8, lr=0.2, mu=0.9, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.maximum(self.z1, 0.0)
        z2 = self.a1 @ self.W2 + self.b2
        self.p = sigmoid(np.clip(z2, EPS, 1 - EPS))   # BUG: self.p = np.clip(sigmoid(z2), EPS, 1 - EPS)
        return self.p

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (self.z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.a1.T @ d2, "b2": d2.sum(axis=0)}
        for name, g in grads.items():
            v = self.velocity[name]
            v *= self.mu
            v += g
            getattr(self, name)[...] -= self.lr * v
        return float(loss)
