"""Two-output tanh regressor in NumPy (5 -> 10 -> 2, linear output, mean squared error), trained
by mini-batch gradient descent with an exponentially decaying learning rate,
lr_t = LR0 * GAMMA ** t after t updates. PyTorch port: 02_tanh_regressor_torch.py."""

import numpy as np

LR0 = 0.1
GAMMA = 0.85


class TanhRegressor:
    def __init__(self, X, y, n_hidden=10, seed=21):
        rng = np.random.default_rng(seed)
        n_in, n_out = X.shape[1], y.shape[1]
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.updates = 0

    def predict(self, X):
        return np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2

    def train_step(self, X, y):
        lr = LR0 * GAMMA ** self.updates
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= lr * (h.T @ d_out)
        self.b2 -= lr * d_out.sum(axis=0)
        self.W1 -= lr * (X.T @ d_h)
        self.b1 -= lr * d_h.sum(axis=0)
        self.updates += 1
        return float(loss)
