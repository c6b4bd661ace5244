"""Elman RNN that predicts the next value of a wave at every step, from scratch:
h_t = tanh(x_t Wx + h_{t-1} Wh + b), y_hat_t = h_t Wy + by, h_0 = 0. Mean squared error over
all steps, back-propagation through time over the 8 steps of each sequence, SGD at LR = 0.2.

    X: (n, 8, 1) noisy wave, y: (n, 8, 1) clean wave one step ahead
"""

import numpy as np

LR = 0.2


class WavePredictor:
    def __init__(self, n_in=1, hidden=6, n_out=1, seed=16):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 1.0, (n_in, hidden))
        self.Wh = rng.normal(0.0, 0.5 / np.sqrt(hidden), (hidden, hidden))
        self.b = np.zeros(hidden)
        self.Wy = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.by = np.zeros(n_out)
        self.hidden = hidden

    def forward(self, X):
        n, T, _ = X.shape
        hs = [np.zeros((n, self.hidden), dtype=X.dtype)]
        for t in range(T):
            hs.append(np.tanh(X[:, t, :] @ self.Wx + hs[-1] @ self.Wh + self.b))
        self.hs = hs
        return np.stack([h @ self.Wy + self.by for h in hs[1:]], axis=1)

    def train_step(self, X, y):
        pred = self.forward(X)
        hs = self.hs
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size

        grads = {k: np.zeros_like(getattr(self, k)) for k in ("Wx", "Wh", "b", "Wy", "by")}
        dh_next = np.zeros_like(hs[0])
        for t in reversed(range(X.shape[1])):
            dy = dpred[:, t, :]
            grads["Wy"] += hs[t + 1].T @ dy
            grads["by"] += dy.sum(axis=0)
            dh = dy @ self.Wy.T   # BUG: dh = dy @ self.Wy.T + dh_next
            dz = dh * (1.0 - hs[t + 1] ** 2)
            grads["Wx"] += X[:, t, :].T @ dz
            grads["Wh"] += hs[t].T @ dz
            grads["b"] += dz.sum(axis=0)
            dh_next = dz @ self.Wh.T
        self.grads = grads
        for k, g in grads.items():
            getattr(self, k)[...] -= LR * g
        return float(loss)
