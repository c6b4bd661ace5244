"""Curve regressor in NumPy: 4 -> 12 tanh -> 2 linear, mean squared error. Each batch is split
into ACCUM equal micro-batches whose mean gradients are averaged (gradient accumulation), then
heavy-ball momentum under a linear warm-up of the rate, LR * min(1, (t + 1) / WARMUP) on
update t = 0, 1, ..."""

import numpy as np

LR, MU, WARMUP, ACCUM = 0.1, 0.9, 10, 3


class WarmupRegressor:
    def __init__(self, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (4, 12)), "b1": np.zeros(12),
                       "W2": rng.normal(0.0, 0.3, (12, 2)), "b2": np.zeros(2)}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def micro_gradients(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        d = 2.0 * (out - y) / out.size
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        return np.mean((out - y) ** 2), {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d, "b2": d.sum(axis=0)}

    def train_step(self, X, y):
        total = {k: np.zeros_like(v) for k, v in self.params.items()}
        loss = 0.0
        for xb, yb in zip(np.array_split(X, ACCUM), np.array_split(y, ACCUM)):
            l, g = self.micro_gradients(xb, yb)
            loss += l / ACCUM
            for k in total:
                total[k] += g[k] / ACCUM
        lr = LR * min(1.0, (self.t + 1) / WARMUP)
        for k, w in self.params.items():
            self.velocity[k] = MU * self.velocity[k] + total[k]
            w -= lr * self.velocity[k]
        self.grads = total
        self.t += 1
        return float(loss)
