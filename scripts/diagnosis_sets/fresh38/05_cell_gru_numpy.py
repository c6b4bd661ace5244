"""Many-to-one GRU regressor in NumPy written to mirror torch.nn.GRUCell: weight_ih (3H, D) and
weight_hh (3H, H) in torch's (out, in) layout, the gates stacked r, z, n, two biases, and the
cell exactly as the torch docs write it,

    r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z = sigmoid(W_iz x + b_iz + W_hz h + b_hz),
    n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h,

four inputs and four hidden units; the last state is read out linearly. Mean squared error,
BPTT, Adam.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 4


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class CellGRU:
    def __init__(self, lr=0.01, seed=5):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.params = {
            "W_ih": rng.uniform(-k, k, (3 * H, D)), "W_hh": rng.uniform(-k, k, (3 * H, H)),
            "b_ih": rng.uniform(-k, k, 3 * H), "b_hh": rng.uniform(-k, k, 3 * H),
            "W_y": rng.uniform(-k, k, (1, H)), "b_y": np.zeros(1),
        }
        self.lr, self.betas, self.eps, self.t = lr, (0.9, 0.999), 1e-8, 0
        self.m = {k_: np.zeros_like(v) for k_, v in self.params.items()}
        self.v = {k_: np.zeros_like(v) for k_, v in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        self.cache = []
        for t in range(X.shape[1]):
            x = X[:, t]
            gi = x @ p["W_ih"].T + p["b_ih"]
            gh = h @ p["W_hh"].T + p["b_hh"]
            r = sigmoid(gi[:, :H] + gh[:, :H])
            z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            self.cache.append((x, h, r, z, n, gh[:, 2 * H:]))
            h = (1.0 - z) * n + z * h
        self.h = h
        return h @ p["W_y"].T + p["b_y"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / X.shape[0]
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["W_y"] = dpred.T @ self.h
        g["b_y"] = dpred.sum(axis=0)
        dh = dpred @ p["W_y"]
        for x, h_prev, r, z, n, hn in reversed(self.cache):
            dn = dh * (1.0 - z)
            dz = dh * (h_prev - n)
            dan = dn * (1.0 - n ** 2)
            dr = dan * hn
            dar = dr * r * (1.0 - r)
            daz = dz * z * (1.0 - z)
            dgi = np.concatenate([dar, daz, dan], axis=1)
            dgh = np.concatenate([dar, daz, dan * r], axis=1)
            g["W_ih"] += dgi.T @ x
            g["b_ih"] += dgi.sum(axis=0)
            g["W_hh"] += dgh.T @ h_prev
            g["b_hh"] += dgh.sum(axis=0)
            dh = dh * z + dgh @ p["W_hh"]
        self.grads = g
        self.t += 1
        b1, b2 = self.betas
        for k in p:
            self.m[k] = b1 * self.m[k] + (1 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * g[k] * g[k]
            p[k] -= self.lr * (self.m[k] / (1 - b1 ** self.t)) / (np.sqrt(self.v[k] / (1 - b2 ** self.t)) + self.eps)
        return float(loss)
