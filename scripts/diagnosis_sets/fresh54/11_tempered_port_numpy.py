"""Mixture-weight classifier in NumPy: 4 -> 8 tanh -> 3 scores, the class probabilities on the
simplex as softmax(z / T) with a fixed temperature T = 2 (softer probabilities), mean
cross-entropy, gradient descent.

    X: (n, 4), y: (n, 3) one-hot
"""

import numpy as np

T = 2.0
LR = 0.2


class TemperedNet:
    def __init__(self, n_in=4, hidden=8, n_out=3, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        u = z / T
        u = u - u.max(axis=1, keepdims=True)
        p = np.exp(u) / np.exp(u).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        dz = (p - y) / (n * T)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
