"""Gaussian radial-basis-function regression network in NumPy.

K Gaussian units with learned centres C (K, 4) and a learned width per unit kept as a log-width,
s_k = exp(log_s_k) (so the width stays positive): phi_ik = exp(-|x_i - c_k|^2 / (2 s_k^2)), then a
linear output y_hat = phi W + b. The loss is the mean squared error over the rows of the batch.
Adam with torch's defaults (both moments bias-corrected, eps outside the square root), no weight
decay, no schedule.

    X: float (n, 4), y: float (n, 1)
"""

import numpy as np

D, K = 4, 8
LR, BETA1, BETA2, EPS = 0.05, 0.9, 0.999, 1e-8


class RBFNet:
    def __init__(self, seed=79):
        rng = np.random.default_rng(seed)
        self.params = {
            "C": rng.normal(0.0, 1.0, (K, D)),
            "log_s": np.log(1.5) + rng.normal(0.0, 0.1, K),
            "W": rng.normal(0.0, 0.5, (K, 1)),
            "b": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        diff = X[:, None, :] - p["C"][None, :, :]          # (n, K, D)
        d2 = np.sum(diff ** 2, axis=2)                      # (n, K)
        s = np.exp(p["log_s"])                              # (K,)
        phi = np.exp(-d2 / (2.0 * s ** 2))
        out = phi @ p["W"] + p["b"]
        return diff, d2, s, phi, out

    def loss(self, X, y):
        out = self.forward(X)[-1]
        return float(np.mean((out - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        diff, d2, s, phi, out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / n                          # (n, 1)
        g = {}
        g["W"] = phi.T @ dout
        g["b"] = dout.sum(axis=0)
        dphi = dout @ p["W"].T                              # (n, K)
        da = dphi * phi                                     # through exp(a), a = -d2 / (2 s^2)
        g["C"] = np.einsum("nk,nkd->kd", da, diff) / (s ** 2)[:, None]
        g["log_s"] = np.sum(da * d2, axis=0) / s ** 2       # da/dlog_s = d2 / s^2
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
