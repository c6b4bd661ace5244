"""Imbalanced binary classifier in NumPy: 5 -> 8 tanh -> 1 logit, a class-weighted binary
cross-entropy in which the rare positive class counts POS_WEIGHT = 3 times,
-mean(POS_WEIGHT y log p + (1 - y) log(1 - p)), gradient descent.

    X: (n, 5), y: (n, 1) of 0/1 (about a quarter positive)
"""

import numpy as np

LR, POS_WEIGHT = 0.5, 3.0


class ImbalancedLogistic:
    def __init__(self, n_in=5, hidden=8, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        p = 1.0 / (1.0 + np.exp(-z))
        loss = -np.mean(POS_WEIGHT * y * np.log(p) + (1 - y) * np.log(1 - p))

        dz = (POS_WEIGHT * y * (p - 1.0) + (1 - y) * p) / n
        dh = (dz @ self.W2.T) * (1.0 - h * h)
        self.grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
