"""Robust linear regression with a Student-t likelihood in NumPy, gradients written by hand.

One linear layer gives two columns per row: the location mu and the log-scale, clipped to
[LOG_S_MIN, LOG_S_MAX]; the degrees of freedom NU are fixed. The loss is the mean negative
log-likelihood of the Student-t (its normalising constant included, as torch.distributions.StudentT
writes it). The gradient is clipped to a total norm MAX_NORM (as torch's clip_grad_norm_, 1e-6
added to the norm), then SGD with Nesterov momentum and coupled weight decay as torch.optim.SGD
writes it, and a step schedule: the learning rate halves every STEP_SIZE updates.

    X: float (n, 5), y: float (n,) one-dimensional
"""

import math

import numpy as np

D_IN, NU = 5, 4.0
LR, MOMENTUM, WD, MAX_NORM, STEP_SIZE, GAMMA = 0.05, 0.9, 1e-3, 1.0, 8, 0.5
LOG_S_MIN, LOG_S_MAX = -3.0, 2.0
HALF_NU1 = (NU + 1) / 2
CONST = math.lgamma(NU / 2) - math.lgamma((NU + 1) / 2) + 0.5 * math.log(NU * math.pi)


class StudentTRegressor:
    def __init__(self, seed=92):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.3, (D_IN, 2))
        self.b = np.zeros(2)
        self.velocity = {"W": np.zeros_like(self.W), "b": np.zeros_like(self.b)}
        self.t = 0

    def forward(self, X):
        out = X @ self.W + self.b
        mu = out[:, 0]
        ls_raw = out[:, 1]
        log_s = np.clip(ls_raw, LOG_S_MIN, LOG_S_MAX)
        return mu, log_s, ls_raw

    def loss(self, X, y):
        mu, log_s, _ = self.forward(X)
        z = (y - mu) / np.exp(log_s)
        return np.mean(log_s + HALF_NU1 * np.log1p(z ** 2 / NU) + CONST)

    def train_step(self, X, y):
        n = len(X)
        mu, log_s, ls_raw = self.forward(X)
        s = np.exp(log_s)
        z = (y - mu) / s
        loss = np.mean(log_s + HALF_NU1 * np.log1p(z ** 2 / NU) + CONST)

        dmu = -2.0 * HALF_NU1 * z / (NU + z ** 2) / s / n
        dls = (1.0 - 2.0 * HALF_NU1 * z ** 2 / (NU + z ** 2)) / n
        dls = dls * ((ls_raw >= LOG_S_MIN) & (ls_raw <= LOG_S_MAX))
        dout = np.stack([dmu, dls], axis=1)
        g = {"W": X.T @ dout, "b": dout.sum(axis=0)}

        total = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k, p in (("W", self.W), ("b", self.b)):
            d_p = g[k] + WD * p
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            p -= lr * (d_p + MOMENTUM * self.velocity[k])
        return float(loss)
