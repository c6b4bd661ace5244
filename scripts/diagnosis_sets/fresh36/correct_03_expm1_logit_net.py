"""Binary classifier from scratch, everything in the log domain: 5 -> 6 sigmoid -> 1, mean
binary cross-entropy from the logit, softplus(z) - y z through np.logaddexp, plain gradient
descent. The hidden sigmoid is exp(-softplus(-z)) and its derivative exp(-softplus(-z) -
softplus(z)) = sigmoid(z) sigmoid(-z); the output probability is 1 - exp(-softplus(z)) written
-np.expm1(-softplus(z)).
"""

import numpy as np


def softplus(z):
    return np.logaddexp(0.0, z)


class Expm1LogitNet:
    def __init__(self, n_in=5, hidden=6, lr=0.5, seed=23):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.exp(-softplus(-z1))
        z2 = h @ self.W2 + self.b2
        loss = np.mean(softplus(z2) - y * z2)
        p = -np.expm1(-softplus(z2))
        d_z2 = (p - y) / len(X)
        d_z1 = (d_z2 @ self.W2.T) * np.exp(-softplus(-z1) - softplus(z1))
        self.W2 -= self.lr * (h.T @ d_z2)
        self.b2 -= self.lr * d_z2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z1)
        self.b1 -= self.lr * d_z1.sum(axis=0)
        self.output = p
        return float(loss)
