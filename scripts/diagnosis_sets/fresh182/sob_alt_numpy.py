"""Sobolev training of a tanh MLP in NumPy, written per unit with einsum (a correct variant).

Parameters are flat per-unit vectors: w (H,) input weights, c (H,) biases, a (H,) output
weights, d (1,) output bias.  With z = x w + c, h = tanh(z), s = 1 - h^2:

    u   = sum_j a_j h_j + d
    u_x = sum_j a_j w_j s_j                  (the slope of each unit, weighted)
    loss = mean((u - y0)^2) + LAM * mean((u_x - y1)^2),  LAM = 0.5

Gradient of the slope term, per unit: d u_x / d a_j = w_j s_j, d u_x / d w_j = a_j s_j
(explicit) and, through s_j, d s_j / d z_j = -2 h_j s_j.  Adam with in-place moment updates.
"""

import math

import numpy as np

LAM = 0.5


class SobolevUnits:
    def __init__(self, hidden=24, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "w": rng.uniform(-1.0, 1.0, hidden),
            "c": rng.uniform(-1.0, 1.0, hidden),
            "a": rng.uniform(-1.0, 1.0, hidden) / np.sqrt(hidden),
            "d": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def _fwd(self, X):
        p = self.params
        x = X[:, 0]
        h = np.tanh(np.einsum("n,j->nj", x, p["w"]) + p["c"])
        s = 1.0 - np.square(h)
        u = np.einsum("nj,j->n", h, p["a"]) + p["d"][0]
        u_x = np.einsum("nj,j->n", s, p["a"] * p["w"])
        return x, h, s, u, u_x

    def loss(self, X, y):
        _, _, _, u, u_x = self._fwd(X)
        return float(np.mean(np.square(u - y[:, 0])) + LAM * np.mean(np.square(u_x - y[:, 1])))

    def train_step(self, X, y):
        p = self.params
        x, h, s, u, u_x = self._fwd(X)
        n = x.shape[0]
        eu = u - y[:, 0]
        ed = u_x - y[:, 1]
        loss = np.mean(eu * eu) + LAM * np.mean(ed * ed)
        eu = eu * (2.0 / n)
        ed = ed * (2.0 * LAM / n)

        # dL/dz_nj: through h (value) and through s (slope)
        dz = np.einsum("n,j->nj", eu, p["a"]) * s \
            - 2.0 * np.einsum("n,j->nj", ed, p["a"] * p["w"]) * h * s
        self.grads["a"] = np.einsum("n,nj->j", eu, h) + np.einsum("n,nj->j", ed, s) * p["w"]
        self.grads["d"] = np.array([eu.sum()], dtype=eu.dtype)
        self.grads["w"] = np.einsum("n,nj->j", x, dz) + np.einsum("n,nj->j", ed, s) * p["a"]
        self.grads["c"] = dz.sum(axis=0)

        self.t += 1
        step = self.lr / (1.0 - self.beta1 ** self.t)
        root_bc2 = math.sqrt(1.0 - self.beta2 ** self.t)
        for k, w in p.items():
            g = self.grads[k]
            m, v = self.m[k], self.v[k]
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            w -= step * m / (np.sqrt(v) / root_bc2 + self.eps)
        return float(loss)
