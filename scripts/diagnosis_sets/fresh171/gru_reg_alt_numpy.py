"""The GRU regressor of gru_reg_numpy.py written another way: weights kept in torch's layout
(W_ih (3H, n_in), W_hh (3H, H)), gates split with np.split, the Adam step written as torch does
it (step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps), every state updated in place.
"""

import math

import numpy as np


class GRURegressorAlt:
    def __init__(self, n_in=3, hidden=12, seed=7):
        rng = np.random.default_rng(seed)
        k = 1.0 / math.sqrt(hidden)
        self.W_ih = rng.uniform(-k, k, (3 * hidden, n_in))
        self.W_hh = rng.uniform(-k, k, (3 * hidden, hidden))
        self.b_ih = rng.uniform(-k, k, 3 * hidden)
        self.b_hh = rng.uniform(-k, k, 3 * hidden)
        self.w_out = rng.uniform(-k, k, (1, hidden))
        self.b_out = rng.uniform(-k, k, 1)
        self.names = ["W_ih", "W_hh", "b_ih", "b_hh", "w_out", "b_out"]
        self.grads = {}
        self.m = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.step_count = 0

    def run(self, X):
        X = X.astype(self.W_ih.dtype, copy=False)
        N, T, _ = X.shape
        h = np.zeros((N, self.W_hh.shape[1]), dtype=X.dtype)
        tape = []
        for t in range(T):
            xr, xz, xn = np.split(X[:, t] @ self.W_ih.T + self.b_ih, 3, axis=1)
            hr, hz, hn = np.split(h @ self.W_hh.T + self.b_hh, 3, axis=1)
            r = 0.5 * (1.0 + np.tanh(0.5 * (xr + hr)))       # sigmoid
            z = 0.5 * (1.0 + np.tanh(0.5 * (xz + hz)))
            n = np.tanh(xn + r * hn)
            tape.append((X[:, t], h, r, z, n, hn))
            h = n + z * (h - n)
        return np.einsum("nh,oh->n", h, self.w_out) + self.b_out[0], h, tape

    def loss(self, X, y):
        pred = self.run(X)[0]
        return np.mean(np.square(pred - y.astype(pred.dtype)))

    def train_step(self, X, y):
        pred, h, tape = self.run(X)
        e = pred - y.astype(pred.dtype)
        loss = np.mean(e * e)
        de = e * (2.0 / len(e))
        g = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        g["w_out"][0] = de @ h
        g["b_out"][0] = de.sum()
        dh = np.outer(de, self.w_out[0])
        for x, hp, r, z, n, hn in tape[::-1]:
            dn_pre = (dh - dh * z) * (1.0 - n * n)
            dz_pre = dh * (hp - n) * z * (1.0 - z)
            dr_pre = dn_pre * hn * r * (1.0 - r)
            d_in = np.hstack([dr_pre, dz_pre, dn_pre])
            d_hid = np.hstack([dr_pre, dz_pre, dn_pre * r])
            g["W_ih"] += d_in.T @ x
            g["b_ih"] += d_in.sum(0)
            g["W_hh"] += d_hid.T @ hp
            g["b_hh"] += d_hid.sum(0)
            dh = dh * z + d_hid @ self.W_hh
        self.grads = g

        self.step_count += 1
        lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
        bc1 = 1.0 - b1 ** self.step_count
        bc2 = 1.0 - b2 ** self.step_count
        for name in self.names:
            p, grad, m, v = getattr(self, name), g[name], self.m[name], self.v[name]
            m *= b1
            m += (1.0 - b1) * grad
            v *= b2
            v += (1.0 - b2) * grad * grad
            denom = np.sqrt(v) / math.sqrt(bc2) + eps
            p -= (lr / bc1) * (m / denom)
        return float(loss)
