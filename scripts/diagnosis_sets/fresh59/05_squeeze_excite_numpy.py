"""Squeeze-and-excitation feature gating in NumPy (Hu et al. 2018) on 4 channels of 6 positions:
squeeze each channel to its mean over the positions, excite with 4 -> 2 ReLU -> 4 sigmoid, rescale
every channel by its gate, then a linear readout of the 24 gated features. Half mean squared
error, plain SGD.

    X: (n, 4, 6), y: (n, 1)
"""

import numpy as np

LR = 0.1


class SqueezeExcite:
    def __init__(self, channels=4, length=6, reduced=2, seed=5):
        rng = np.random.default_rng(seed)
        self.Wa = rng.normal(0.0, 1.0, (channels, reduced))
        self.ba = np.full(reduced, 0.1)
        self.Wb = rng.normal(0.0, 1.0, (reduced, channels))
        self.bb = np.zeros(channels)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(channels * length), (channels * length, 1))
        self.bo = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        s = X.mean(axis=2)
        za = s @ self.Wa + self.ba
        a = np.maximum(za, 0.0)
        gate = 1.0 / (1.0 + np.exp(-(a @ self.Wb + self.bb)))
        gated = X * gate[:, :, None]
        flat = gated.reshape(n, -1)
        out = flat @ self.Wo + self.bo
        loss = 0.5 * np.mean((out - y) ** 2)

        d_out = (out - y) / n
        d_gated = (d_out @ self.Wo.T).reshape(X.shape)
        d_gate = (d_gated * X).sum(axis=2)
        d_zb = d_gate * gate * (1.0 - gate)
        d_za = (d_zb @ self.Wb.T) * (za > 0)
        self.grads = {"Wa": s.T @ d_za, "ba": d_za.sum(axis=0), "Wb": a.T @ d_zb, "bb": d_zb.sum(axis=0),
                      "Wo": flat.T @ d_out, "bo": d_out.sum(axis=0)}
        for name, grad in self.grads.items():
            getattr(self, name)[...] -= LR * grad
        return float(loss)
