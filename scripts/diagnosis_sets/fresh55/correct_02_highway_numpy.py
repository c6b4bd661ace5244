"""One highway layer by hand, written as an interpolation: y = x + T (H - x), the same as
T H + (1 - T) x, with the gate's sigmoid as 0.5 (1 + tanh(z / 2)) and its derivative from the
output; a tanh stem, binary cross-entropy from the logit through np.logaddexp, Nesterov momentum
in torch's form (buf = mu buf + g; w -= lr (g + mu buf)).
"""

import numpy as np


class LerpHighwayNet:
    def __init__(self, n_in=5, width=7, lr=0.1, mu=0.9, seed=8):
        rng = np.random.default_rng(seed)
        self.Ws = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width))
        self.bs = np.zeros(width)
        self.Wh = rng.normal(0.0, 1.0 / np.sqrt(width), (width, width))
        self.bh = np.zeros(width)
        self.Wt = rng.normal(0.0, 1.0 / np.sqrt(width), (width, width))
        self.bt = np.full(width, -2.0)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(width), (width, 1))
        self.bo = np.zeros(1)
        self.names = ["Ws", "bs", "Wh", "bh", "Wt", "bt", "Wo", "bo"]
        self.lr, self.mu = lr, mu
        self.buf = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        x = np.tanh(X @ self.Ws + self.bs)
        H = np.maximum(x @ self.Wh + self.bh, 0.0)
        t = 0.5 * (1.0 + np.tanh(0.5 * (x @ self.Wt + self.bt)))
        out = x + t * (H - x)
        z = out @ self.Wo + self.bo
        loss = np.mean(np.logaddexp(0.0, z) - y * z)

        d_z = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / len(X)
        d_out = d_z @ self.Wo.T
        d_zh = d_out * t * (H > 0)
        d_zt = d_out * (H - x) * t * (1.0 - t)
        d_x = d_out * (1.0 - t) + d_zh @ self.Wh.T + d_zt @ self.Wt.T
        d_zs = d_x * (1.0 - x * x)
        grads = {"Wo": out.T @ d_z, "bo": d_z.sum(0), "Wh": x.T @ d_zh, "bh": d_zh.sum(0),
                 "Wt": x.T @ d_zt, "bt": d_zt.sum(0), "Ws": X.T @ d_zs, "bs": d_zs.sum(0)}
        self.grads = grads
        for k in self.names:
            self.buf[k] = self.mu * self.buf[k] + grads[k]
            getattr(self, k)[...] -= self.lr * (grads[k] + self.mu * self.buf[k])
        return float(loss)
