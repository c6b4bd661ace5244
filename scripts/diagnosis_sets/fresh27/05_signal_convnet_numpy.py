"""1-d convolutional regressor in NumPy with im2col: signals of 12 samples, a valid convolution
of width 3 into 4 channels (the windows gathered with sliding_window_view, one matrix product),
tanh, max pooling over every pair of neighbouring positions (window 2, stride 1: 10 positions
-> 9), the pooled maps averaged over the positions, then a linear unit. Mean squared error,
heavy-ball momentum. The kernel is kept (width, in_channels, out_channels).

    X: (n, 12), y: (n, 1)
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

WIDTH, CHANNELS = 3, 4


class SignalConvNet:
    def __init__(self, lr=0.1, mu=0.9, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, 0.6, (WIDTH, 1, CHANNELS)),
            "bK": np.zeros(CHANNELS),
            "W": rng.normal(0.0, 0.5, (CHANNELS, 1)),
            "b": np.zeros(1),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        self.cols = sliding_window_view(X, WIDTH, axis=1)                    # (n, 10, 3)
        self.a = np.tanh(self.cols @ p["K"][:, 0, :] + p["bK"])              # (n, 10, C)
        self.first = self.a[:, :-1] >= self.a[:, 1:]
        pooled_maps = np.where(self.first, self.a[:, :-1], self.a[:, 1:])   # (n, 9, C)
        self.pooled = pooled_maps.mean(axis=1)
        return self.pooled @ p["W"] + p["b"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        grads = {"W": self.pooled.T @ d_out, "b": d_out.sum(axis=0)}
        positions = self.first.shape[1]
        d_maps = np.broadcast_to((d_out @ p["W"].T)[:, None, :] / positions, self.first.shape)
        d_a = np.zeros_like(self.a)
        d_a[:, :-1] += np.where(self.first, d_maps, 0.0)
        d_a[:, 1:] += np.where(self.first, 0.0, d_maps)
        d_z = d_a * (1.0 - self.a ** 2)
        grads["K"] = np.einsum("ntk,ntc->kc", self.cols, d_z)[:, None, :]
        grads["bK"] = d_z.sum(axis=(0, 1))
        self.grads = grads
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
