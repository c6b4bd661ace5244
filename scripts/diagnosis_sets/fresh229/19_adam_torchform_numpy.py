"""Correct variant: stochastic-depth factors s/p precomputed per step, and Adam written in torch.optim.Adam's arrangement (lr / bias-correction1, sqrt(v) / sqrt(bias-correction2) + eps).

NumPy residual MLP regressor with stochastic depth and inverted dropout, trained by Adam.

x (N,4) -> h0 = relu(x @ Win + bin) (6 units) -> z = h0 * D/0.75 (inverted dropout)
  block k = 0, 1:  r = tanh(z @ Wk + bk);  z = z + (s_k / p_k) r   (s_k the step's
                   survival draw, p_k = 0.8, 0.6 the survival probabilities)
  -> out = z @ Wout + bout (N,1) -> loss = mean((out[:, 0] - y)^2).
Masks and draws of step self.t from b.npz. Adam lr 0.01, betas (0.9, 0.999), eps 1e-8.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class ResidualSDAdam:
    def __init__(self, data=os.path.join(HERE, "b.npz"), n_in=4, width=6, lr=0.01,
                 beta1=0.9, beta2=0.999, eps=1e-8, drop_keep=0.75, p_survive=(0.8, 0.6)):
        d = np.load(data)
        self.drop_mask = d["drop_mask"]
        self.survive = d["survive"]
        # stochastic-depth factor s_k / p_k of each block at each step, as Python floats
        self.depth_scale = [[float(sv) / ps for sv, ps in zip(row, p_survive)] for row in self.survive]
        rng = np.random.default_rng(1)
        s_in, s_w = 1 / np.sqrt(n_in), 1 / np.sqrt(width)
        self.params = {
            "Win": rng.uniform(-s_in, s_in, size=(n_in, width)),
            "bin": rng.uniform(-s_in, s_in, size=width),
            "W0": rng.uniform(-s_w, s_w, size=(width, width)),
            "b0": rng.uniform(-s_w, s_w, size=width),
            "W1": rng.uniform(-s_w, s_w, size=(width, width)),
            "b1": rng.uniform(-s_w, s_w, size=width),
            "Wout": rng.uniform(-s_w, s_w, size=(width, 1)),
            "bout": rng.uniform(-s_w, s_w, size=1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.drop_keep = drop_keep
        self.p_survive = p_survive
        self.t = 0

    def forward(self, X):
        p = self.params
        D = self.drop_mask[self.t].astype(p["Win"].dtype)
        s = self.depth_scale[self.t]
        a0 = X @ p["Win"] + p["bin"]
        h0 = np.maximum(a0, 0)
        z = h0 * D / self.drop_keep
        self.cache = {"X": X, "D": D, "a0": a0, "zs": [], "rs": []}
        for k in range(2):
            r = np.tanh(z @ p[f"W{k}"] + p[f"b{k}"])
            self.cache["zs"].append(z)
            self.cache["rs"].append(r)
            z = z + s[k] * r
        self.cache["z"] = z
        return z @ p["Wout"] + p["bout"]

    def loss(self, X, y):
        out = self.forward(X)
        return np.mean((out[:, 0] - y) ** 2)

    def backward(self, out, y):
        p, c = self.params, self.cache
        s = self.depth_scale[self.t]
        N = out.shape[0]
        g = {}
        dout = (2.0 / N) * (out[:, 0] - y)[:, None]
        g["Wout"] = c["z"].T @ dout
        g["bout"] = dout.sum(axis=0)
        dz = dout @ p["Wout"].T
        for k in (1, 0):
            r, zk = c["rs"][k], c["zs"][k]
            dr = dz * s[k]
            da = dr * (1 - r ** 2)
            g[f"W{k}"] = zk.T @ da
            g[f"b{k}"] = da.sum(axis=0)
            dz = dz + da @ p[f"W{k}"].T
        dh0 = dz * c["D"] / self.drop_keep
        da0 = dh0 * (c["a0"] > 0)
        g["Win"] = c["X"].T @ da0
        g["bin"] = da0.sum(axis=0)
        return g

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out[:, 0] - y) ** 2)
        self.grads = self.backward(out, y)
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in self.params:
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            # torch.optim.Adam's arrangement of the same update
            step_size = self.lr / (1 - b1 ** self.t)
            denom = np.sqrt(self.v[k]) / (1 - b2 ** self.t) ** 0.5 + self.eps
            self.params[k] -= step_size * self.m[k] / denom
        return loss
