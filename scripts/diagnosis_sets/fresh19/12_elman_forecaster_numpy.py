"""Elman RNN forecaster in NumPy: h_t = tanh(x_t Wx + h_{t-1} Wh + b), prediction from the last
hidden state, y_hat = h_T Wy + by. Mean squared error, truncated back-propagation through the
6 steps of each batch, SGD with momentum 0.9 at lr 0.05. The last hidden state is kept in
self.state so that a forecast can be continued from where training stopped.

    X: (n, 6, 3), y: (n, 1)
"""

import numpy as np


class ElmanForecaster:
    def __init__(self, n_in=3, hidden=8, n_out=1, lr=0.05, mu=0.9, seed=12):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.Wh = rng.normal(0.0, 0.5 / np.sqrt(hidden), (hidden, hidden))
        self.b = np.zeros(hidden)
        self.Wy = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.by = np.zeros(n_out)
        self.hidden = hidden
        self.lr, self.mu = lr, mu
        self.state = None
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("Wx", "Wh", "b", "Wy", "by")}

    def forward(self, X):
        n, T, _ = X.shape
        h = self.state if self.state is not None else np.zeros((n, self.hidden), dtype=X.dtype)   # BUG: h = np.zeros((n, self.hidden), dtype=X.dtype)
        hs = [h]
        for t in range(T):
            h = np.tanh(X[:, t, :] @ self.Wx + h @ self.Wh + self.b)
            hs.append(h)
        self.hs = hs
        self.state = h
        return h @ self.Wy + self.by

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        pred = self.forward(X)
        hs = self.hs
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size
        grads = {"Wy": hs[-1].T @ dpred, "by": dpred.sum(axis=0),
                 "Wx": np.zeros_like(self.Wx), "Wh": np.zeros_like(self.Wh), "b": np.zeros_like(self.b)}
        dh = dpred @ self.Wy.T
        for t in reversed(range(X.shape[1])):
            dz = dh * (1.0 - hs[t + 1] ** 2)
            grads["Wx"] += X[:, t, :].T @ dz
            grads["Wh"] += hs[t].T @ dz
            grads["b"] += dz.sum(axis=0)
            dh = dz @ self.Wh.T
        self.grads = grads
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
