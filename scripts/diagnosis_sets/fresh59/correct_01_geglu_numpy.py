"""GeGLU regressor in NumPy: one (5, 12) projection whose output is cut in two with np.split, the
value half a and the gate half b, h = a * gelu(b) with the tanh-approximate GELU (GPT-2 style),
then a linear output of 2. Mean squared error over every entry, Adam by hand with its moments in a
dict and the bias correction folded into the step size.

    X: (n, 5), y: (n, 2)
"""

import math

import numpy as np

LR, B1, B2, EPS = 0.01, 0.9, 0.999, 1e-8
C = math.sqrt(2.0 / math.pi)


def gelu_and_slope(b):
    inner = C * (b + 0.044715 * b ** 3)
    t = np.tanh(inner)
    value = 0.5 * b * (1.0 + t)
    slope = 0.5 * (1.0 + t) + 0.5 * b * (1.0 - t ** 2) * C * (1.0 + 3 * 0.044715 * b ** 2)
    return value, slope


class GeGLURegressor:
    def __init__(self, n_in=5, hidden=6, n_out=2, seed=21):
        rng = np.random.default_rng(seed)
        self.params = {"Wp": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, 2 * hidden)),
                       "bp": np.zeros(2 * hidden),
                       "Wo": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out)),
                       "bo": np.zeros(n_out)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        a, b = np.split(X @ p["Wp"] + p["bp"], 2, axis=1)
        gb, slope = gelu_and_slope(b)
        h = a * gb
        out = h @ p["Wo"] + p["bo"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        dh = d_out @ p["Wo"].T
        d_proj = np.concatenate([dh * gb, dh * a * slope], axis=1)
        self.grads = {"Wp": X.T @ d_proj, "bp": d_proj.sum(axis=0), "Wo": h.T @ d_out, "bo": d_out.sum(axis=0)}

        self.t += 1
        step = LR * math.sqrt(1.0 - B2 ** self.t) / (1.0 - B1 ** self.t)
        for k, g in self.grads.items():
            self.m[k] = B1 * self.m[k] + (1.0 - B1) * g
            self.v[k] = B2 * self.v[k] + (1.0 - B2) * g * g
            p[k] -= step * self.m[k] / (np.sqrt(self.v[k]) + EPS * math.sqrt(1.0 - B2 ** self.t))
        return float(loss)
