"""The Huber/NAdam regressor of nadam_numpy.py written in another style: every parameter lives in
one flat vector `theta` (the params dict holds reshaped views into it), the gradients are written
into one flat vector through views in the same way, NAdam keeps its two moments as flat vectors
and steps the whole of theta at once (the L2 term through a boolean mask of the weight entries,
the first moment updated in lerp form), the Huber loss is written as 0.5 q^2 + DELTA (|r| - q)
with q = min(|r|, DELTA) and its gradient sign(r) q, and the GELU derivative uses 1 / cosh^2.

    X: float (n, 5), y: float (n, 2)
"""

import math

import numpy as np

D, HIDDEN, OUT = 5, 12, 2
LR, B1, B2, EPS, WD, PSI, GAMMA = 0.01, 0.9, 0.999, 1e-8, 1e-3, 4e-3, 0.95
DELTA = 0.5
C, A = math.sqrt(2.0 / math.pi), 0.044715
SHAPES = {"hidden_w": (D, HIDDEN), "hidden_b": (HIDDEN,), "out_w": (HIDDEN, OUT), "out_b": (OUT,)}


def gelu_parts(z):
    u = C * (z + A * z ** 3)
    return u, 0.5 * z * (1.0 + np.tanh(u))


class HuberNAdamFlat:
    def __init__(self, seed=112):
        rng = np.random.default_rng(seed)
        init = {
            "hidden_w": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "hidden_b": rng.normal(0.0, 0.1, HIDDEN),
            "out_w": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, OUT)),
            "out_b": np.zeros(OUT),
        }
        self.slices, start = {}, 0
        for name, shape in SHAPES.items():
            size = int(np.prod(shape))
            self.slices[name] = slice(start, start + size)
            start += size
        self.theta = np.concatenate([init[name].ravel() for name in SHAPES])
        self.params = {name: self.theta[s].reshape(SHAPES[name]) for name, s in self.slices.items()}
        self.is_weight = np.zeros(self.theta.size, dtype=bool)
        for name in ("hidden_w", "out_w"):
            self.is_weight[self.slices[name]] = True
        self.mom1 = np.zeros_like(self.theta)
        self.mom2 = np.zeros_like(self.theta)
        self.step_count = 0
        self.mu_prod = 1.0

    def predict(self, X):
        p = self.params
        z = X @ p["hidden_w"] + p["hidden_b"]
        u, h = gelu_parts(z)
        return z, u, h, h @ p["out_w"] + p["out_b"]

    @staticmethod
    def huber(r):
        q = np.minimum(np.abs(r), DELTA)
        return np.mean(0.5 * q * q + DELTA * (np.abs(r) - q))

    def loss(self, X, y):
        return float(self.huber(self.predict(X)[3] - y))

    def train_step(self, X, y):
        p = self.params
        z, u, h, pred = self.predict(X)
        r = pred - y
        loss = self.huber(r)

        flat_grad = np.zeros_like(self.theta)
        g = {name: flat_grad[s].reshape(SHAPES[name]) for name, s in self.slices.items()}
        dpred = np.sign(r) * np.minimum(np.abs(r), DELTA) / r.size
        g["out_w"][...] = h.T @ dpred
        g["out_b"][...] = dpred.sum(axis=0)
        sech2 = 1.0 / np.cosh(u) ** 2
        dz = (dpred @ p["out_w"].T) * (0.5 * (1.0 + np.tanh(u)) + 0.5 * z * sech2 * C * (1.0 + 3.0 * A * z * z))
        g["hidden_w"][...] = X.T @ dz
        g["hidden_b"][...] = dz.sum(axis=0)
        self.grads = g

        self.step_count += 1
        k = self.step_count
        lr = LR * GAMMA ** (k - 1)
        mu_now = B1 * (1.0 - 0.5 * 0.96 ** (k * PSI))
        mu_next = B1 * (1.0 - 0.5 * 0.96 ** ((k + 1) * PSI))
        self.mu_prod = self.mu_prod * mu_now
        grad = flat_grad + np.where(self.is_weight, WD * self.theta, 0.0)
        self.mom1 += (1.0 - B1) * (grad - self.mom1)
        self.mom2 *= B2
        self.mom2 += (1.0 - B2) * grad * grad
        denom = np.sqrt(self.mom2 / (1.0 - B2 ** k)) + EPS
        coef_g = lr * (1.0 - mu_now) / (1.0 - self.mu_prod)
        coef_m = lr * mu_next / (1.0 - self.mu_prod * mu_next)
        self.theta -= (coef_g * grad + coef_m * self.mom1) / denom
        return float(loss)
