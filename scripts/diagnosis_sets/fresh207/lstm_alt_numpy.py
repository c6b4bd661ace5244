"""The many-to-one LSTM regressor of lstm_numpy.py written another way.

The stacked gate weight is kept in torch's layout, W (4H, n_in + H), and applied with einsum;
the gate pre-activations are viewed as (N, 4, H); the logistic function is written as
0.5 * (1 + tanh(z / 2)); the recurrence keeps the hidden and cell states in preallocated
(T + 1, N, H) arrays; Adam updates its moments and the parameters in place.

params: W (4H, n_in + H), b (4H,), Wy (1, H), by (1,). Adam: self.m, self.v, self.t.
Global-norm clipping at 0.2, Adam lr 0.01, betas (0.9, 0.999), eps 1e-8.
"""

import numpy as np


class StackedLSTMAlt:
    def __init__(self, n_in=3, hidden=12, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.H, self.n_in = hidden, n_in
        self.params = {
            "W": rng.uniform(-k, k, (4 * hidden, n_in + hidden)),
            "b": rng.uniform(-k, k, 4 * hidden),
            "Wy": rng.uniform(-k, k, (1, hidden)),
            "by": rng.uniform(-k, k, 1),
        }
        self.m = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.v = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.grads = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.t = 0

    @staticmethod
    def _sig(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def _forward(self, X):
        W, b, H = self.params["W"], self.params["b"], self.H
        N, T, _ = X.shape
        hs = np.zeros((T + 1, N, H), W.dtype)
        cs = np.zeros((T + 1, N, H), W.dtype)
        gates = np.zeros((T, N, 4, H), W.dtype)       # activated i, f, g, o
        xhs = []
        for t in range(T):
            xh = np.concatenate([X[:, t], hs[t]], axis=1)
            z = (np.einsum("nk,gk->ng", xh, W) + b).reshape(N, 4, H)
            gates[t, :, 0] = self._sig(z[:, 0])
            gates[t, :, 1] = self._sig(z[:, 1])
            gates[t, :, 2] = np.tanh(z[:, 2])
            gates[t, :, 3] = self._sig(z[:, 3])
            i, f, g, o = gates[t, :, 0], gates[t, :, 1], gates[t, :, 2], gates[t, :, 3]
            cs[t + 1] = f * cs[t] + i * g
            hs[t + 1] = o * np.tanh(cs[t + 1])
            xhs.append(xh)
        out = np.einsum("nh,oh->no", hs[T], self.params["Wy"]) + self.params["by"]
        return out, hs, cs, gates, xhs

    def loss(self, X, y):
        return np.mean((self._forward(X)[0] - y) ** 2)

    def train_step(self, X, y):
        W, H = self.params["W"], self.H
        out, hs, cs, gates, xhs = self._forward(X)
        N, T = X.shape[0], X.shape[1]
        r = out - y
        loss = float(np.mean(r * r))
        dout = r * (2.0 / r.size)

        g_ = self.grads
        g_["Wy"] = np.einsum("no,nh->oh", dout, hs[T])
        g_["by"] = dout.sum(0)
        g_["W"] = np.zeros_like(W)
        g_["b"] = np.zeros_like(self.params["b"])
        dh = dout @ self.params["Wy"]
        dc = np.zeros_like(dh)
        for t in range(T - 1, -1, -1):
            i, f, g, o = gates[t, :, 0], gates[t, :, 1], gates[t, :, 2], gates[t, :, 3]
            tc = np.tanh(cs[t + 1])
            dc += dh * o * (1.0 - tc * tc)
            dz = np.empty((N, 4, H), W.dtype)
            dz[:, 0] = dc * g * i * (1.0 - i)
            dz[:, 1] = dc * cs[t] * f * (1.0 - f)
            dz[:, 2] = dc * i * (1.0 - g * g)
            dz[:, 3] = dh * tc * o * (1.0 - o)
            dz = dz.reshape(N, 4 * H)
            g_["W"] += np.einsum("ng,nk->gk", dz, xhs[t])
            g_["b"] += dz.sum(0)
            dh = np.einsum("ng,gk->nk", dz, W)[:, self.n_in:]
            dc *= f

        sq = sum(float(np.vdot(gr, gr)) for gr in g_.values())
        coef = 0.2 / (sq ** 0.5 + 1e-6)
        if coef < 1.0:
            for gr in g_.values():
                gr *= coef

        self.t += 1
        b1, b2, lr, eps = 0.9, 0.999, 0.01, 1e-8
        for n, p in self.params.items():
            gr = g_[n]
            self.m[n] *= b1
            self.m[n] += (1.0 - b1) * gr
            self.v[n] *= b2
            self.v[n] += (1.0 - b2) * gr * gr
            denom = np.sqrt(self.v[n] / (1.0 - b2 ** self.t)) + eps
            p -= (lr / (1.0 - b1 ** self.t)) * self.m[n] / denom
        return loss
