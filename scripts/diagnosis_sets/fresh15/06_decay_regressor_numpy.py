"""NumPy tanh regressor (4 -> 8 -> 2, linear output, mean squared error) trained by gradient
descent with an inverse-time learning-rate decay, lr_t = lr0 / (1 + decay * t), t the number of
steps already taken. The PyTorch port is 06_decay_regressor_torch.py."""

import numpy as np

LR0 = 0.2
DECAY = 0.1


class DecayRegressor:
    def __init__(self, X, y, hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.t = 0

    def train_step(self, X, y):
        lr = LR0 / (1.0 + DECAY * self.t)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= lr * (h.T @ d_out)
        self.b2 -= lr * d_out.sum(axis=0)
        self.W1 -= lr * (X.T @ d_h)
        self.b1 -= lr * d_h.sum(axis=0)
        self.t += 1
        return float(loss)
