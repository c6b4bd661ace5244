"""Hurdle model, NumPy, SGD with Nesterov momentum, written another way: biases kept as rows
(1, h), the softplus derivative as 1 - exp(-lambda) (equal to sigmoid(eta)), the two heads'
gradients assembled column by column, the Nesterov step in the 'look-ahead' form."""
import math

import numpy as np


class TwoPartCountNet:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.weights = {
            "W1": rng.normal(0, 0.7, size=(4, 6)),
            "b1": np.full((1, 6), 0.05),
            "W2": rng.normal(0, 0.4, size=(6, 2)),
            "b2": np.array([[0.1, 0.4]]),
        }
        self.lr, self.mu = 0.05, 0.9
        self.buf = {k: np.zeros_like(w) for k, w in self.weights.items()}

    def train_step(self, X, y):
        w = self.weights
        n = len(y)
        a1 = X @ w["W1"] + w["b1"]
        h = a1 * (a1 > 0)
        out = h @ w["W2"] + w["b2"]
        z, eta = out[:, 0], out[:, 1]
        lam = np.logaddexp(0, eta)
        pos = y > 0
        lgam = np.array([math.lgamma(v + 1.0) for v in y], dtype=y.dtype)
        log_p = -np.logaddexp(0, -z)
        log_1mp = -np.logaddexp(0, z)
        trunc = np.log1p(-np.exp(-lam))
        ll = np.where(pos, log_p + y * np.log(lam) - lam - lgam - trunc, log_1mp)
        loss = -ll.sum() / n

        one_m_e = -np.expm1(-lam)                   # 1 - exp(-lambda) = sigmoid(eta)
        dz = (np.exp(log_p) - pos) / n
        dlam = np.where(pos, -(y / lam - 1.0 / one_m_e), 0.0) / n
        dout = np.zeros_like(out)
        dout[:, 0] = dz
        dout[:, 1] = dlam * one_m_e
        g = {"W2": h.T @ dout, "b2": dout.sum(axis=0, keepdims=True)}
        da = (dout @ w["W2"].T) * (a1 > 0)
        g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0, keepdims=True)
        for k in w:
            self.buf[k] = self.mu * self.buf[k] + g[k]
            look = g[k] + self.mu * self.buf[k]
            w[k] -= self.lr * look
        return loss
