"""Coarse-to-fine smoother for readings of 8 samples: the reading is encoded into 4 tanh
features, each feature is repeated onto the two samples it stands for (nearest-neighbour
upsampling, np.repeat), and a linear layer maps the 8 upsampled values to the smoothed
reading. Half mean squared error against the clean curve, SGD with momentum 0.9 at LR = 0.1.

    X: (n, 8) noisy readings, y: (n, 8) clean readings
"""

import numpy as np

LR = 0.1
MOMENTUM = 0.9


class SignalSmoother:
    def __init__(self, n=8, coarse=4, seed=3):
        rng = np.random.default_rng(seed)
        self.W_enc = rng.normal(0.0, 1.0 / np.sqrt(n), (n, coarse))
        self.b_enc = np.zeros(coarse)
        self.W_dec = rng.normal(0.0, 1.0 / np.sqrt(n), (n, n))
        self.b_dec = np.zeros(n)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W_enc", "b_enc", "W_dec", "b_dec")}

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W_enc + self.b_enc)          # (n, 4)
        u = np.repeat(h, 2, axis=1)                        # (n, 8): h0 h0 h1 h1 h2 h2 h3 h3
        out = u @ self.W_dec + self.b_dec
        loss = 0.5 * np.mean((out - y) ** 2)

        d_out = (out - y) / out.size
        d_u = d_out @ self.W_dec.T
        d_h = d_u.reshape(n, -1, 2).sum(axis=2)           # each feature fed two samples
        d_z = d_h * (1.0 - h ** 2)
        self.grads = {
            "W_dec": u.T @ d_out,
            "b_dec": d_out.sum(axis=0),
            "W_enc": X.T @ d_z,
            "b_enc": d_z.sum(axis=0),
        }
        for k, g in self.grads.items():
            self.velocity[k] = MOMENTUM * self.velocity[k] + g
            getattr(self, k)[...] -= LR * self.velocity[k]
        return float(loss)
