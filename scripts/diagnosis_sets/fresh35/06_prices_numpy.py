"""Price regressor in NumPy on mixed columns: columns 0-2 numeric on very different scales,
standardised with the training batch's mean and (population) standard deviation; columns 3-4
are 0/1 dummies, left as they are. 5 -> 8 tanh -> 1, mean squared error, gradient descent.

    X: (n, 5), y: (n, 1)
"""

import numpy as np

LR = 0.1


class PriceNet:
    def __init__(self, n_in=5, hidden=8, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.mu = self.sd = None

    def scale(self, X):
        if self.mu is None:
            self.mu, self.sd = X[:, :3].mean(axis=0), X[:, :3].std(axis=0)
        return np.concatenate([(X[:, :3] - self.mu) / self.sd, X[:, 3:]], axis=1)

    def train_step(self, X, y):
        xs = self.scale(X)
        h = np.tanh(xs @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / len(y)
        dh = (d_out @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ d_out)
        self.b2 -= LR * d_out.sum(axis=0)
        self.W1 -= LR * (xs.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
