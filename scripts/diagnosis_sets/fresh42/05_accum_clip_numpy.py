"""Curve regressor in NumPy: 4 -> 12 tanh -> 2 linear, mean squared error, gradient accumulation
over ACCUM equal micro-batches (each mean gradient / ACCUM), the accumulated gradient clipped to a
global L2 norm of at most MAX_NORM, then plain SGD."""

import numpy as np

LR, MAX_NORM, ACCUM = 0.2, 0.15, 3


class AccumClipRegressor:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (4, 12)), "b1": np.zeros(12),
                       "W2": rng.normal(0.0, 0.3, (12, 2)), "b2": np.zeros(2)}

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
        norm = np.sqrt(sum(np.sum(v * v) for v in total.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k, w in self.params.items():
            total[k] *= scale
            w -= LR * total[k]
        self.grads = total
        return float(loss)
