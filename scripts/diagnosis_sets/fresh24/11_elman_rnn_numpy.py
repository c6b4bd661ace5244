"""Elman RNN regressor in NumPy: h_t = tanh(x_t Wx + h_{t-1} Wh + b) from h_0 = 0 over the 5 steps
of each sequence, prediction y_hat = h_T Wy + by. Mean squared error, back-propagation through
time by hand, RMSprop (rho 0.9, eps 1e-8) at lr 0.01.

    X: (n, 5, 2), y: (n, 1)
"""

import numpy as np


class ElmanRNN:
    def __init__(self, n_in=2, hidden=10, n_out=1, lr=0.01, rho=0.9, eps=1e-8, seed=11):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.Wh = rng.normal(0.0, 0.6 / np.sqrt(hidden), (hidden, hidden))
        self.b = np.zeros(hidden)
        self.Wy = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.by = np.zeros(n_out)
        self.names = ("Wx", "Wh", "b", "Wy", "by")
        self.lr, self.rho, self.eps = lr, rho, eps
        self.sq_avg = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        n, steps, _ = X.shape
        h = np.zeros((n, self.Wh.shape[0]), dtype=X.dtype)
        self.hs = [h]
        for t in range(steps):
            h = np.tanh(X[:, t] @ self.Wx + h @ self.Wh + self.b)
            self.hs.append(h)
        return h @ self.Wy + self.by

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        pred = self.forward(X)
        hs = self.hs
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size
        g = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        g["Wy"] = hs[-1].T @ dpred
        g["by"] = dpred.sum(axis=0)
        dh = dpred @ self.Wy.T
        for t in reversed(range(X.shape[1])):
            dz = dh * (1.0 - hs[t] ** 2)   # BUG: dz = dh * (1.0 - hs[t + 1] ** 2)
            g["Wx"] += X[:, t].T @ dz
            g["Wh"] += hs[t].T @ dz
            g["b"] += dz.sum(axis=0)
            dh = dz @ self.Wh.T
        self.grads = g
        for k in self.names:
            self.sq_avg[k] = self.rho * self.sq_avg[k] + (1 - self.rho) * g[k] ** 2
            getattr(self, k)[...] -= self.lr * g[k] / (np.sqrt(self.sq_avg[k]) + self.eps)
        return float(loss)
