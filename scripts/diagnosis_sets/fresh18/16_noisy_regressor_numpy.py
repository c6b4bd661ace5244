"""ReLU regressor trained on noisy copies of its inputs (5 -> 8 -> 1, linear output, mean
squared error, gradient descent at 0.1): each step adds Gaussian noise of standard deviation
NOISE to the batch. The noise comes from a seeded NumPy RandomState, and the PyTorch port
(16_noisy_regressor_torch.py) draws from an identically seeded one, so that the two runs see
the same noise."""

import numpy as np

NOISE = 0.1


class NoisyRegressor:
    def __init__(self, X, y, hidden=8, lr=0.1, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.noise = np.random.RandomState(seed)
        self.lr = lr

    def train_step(self, X, y):
        Xn = X + NOISE * self.noise.rand(*X.shape).astype(X.dtype)   # BUG: Xn = X + NOISE * self.noise.randn(*X.shape).astype(X.dtype)
        z1 = Xn @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        out = a1 @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d1 = (d_out @ self.W2.T) * (z1 > 0)
        self.W2 -= self.lr * (a1.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (Xn.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return float(loss)
