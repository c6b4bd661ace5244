"""Many-to-one LSTM regressor in NumPy whose parameters live in a dict under torch.nn.LSTM's own
names (weight_ih_l0 (4H, D), weight_hh_l0 (4H, H), bias_ih_l0, bias_hh_l0; gates i, f, g, o), so
that a state_dict can be loaded either way. The step's new cell state and new hidden state are
computed side by side, then both carried to the next step. Mean squared error, BPTT, Adam.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 4


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class TorchNamedLSTM:
    def __init__(self, lr=0.01, seed=14):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.sd = {"weight_ih_l0": rng.uniform(-k, k, (4 * H, D)), "weight_hh_l0": rng.uniform(-k, k, (4 * H, H)),
                   "bias_ih_l0": rng.uniform(-k, k, 4 * H), "bias_hh_l0": rng.uniform(-k, k, 4 * H),
                   "fc.weight": rng.uniform(-k, k, (1, H)), "fc.bias": np.zeros(1)}
        self.lr, self.betas, self.eps, self.step_count = lr, (0.9, 0.999), 1e-8, 0
        self.m = {k_: np.zeros_like(v) for k_, v in self.sd.items()}
        self.v = {k_: np.zeros_like(v) for k_, v in self.sd.items()}

    def forward(self, X):
        sd = self.sd
        n = X.shape[0]
        h = np.zeros((n, H), dtype=X.dtype)
        c = np.zeros((n, H), dtype=X.dtype)
        self.cache = []
        for t in range(X.shape[1]):
            a = X[:, t] @ sd["weight_ih_l0"].T + h @ sd["weight_hh_l0"].T + sd["bias_ih_l0"] + sd["bias_hh_l0"]
            i, f, g, o = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), np.tanh(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
            c_new = f * c + i * g
            h_new = o * np.tanh(c)   # fix: h_new = o * np.tanh(c_new)
            self.cache.append((X[:, t], h, c, i, f, g, o, c_new))
            h, c = h_new, c_new
        self.h_T = h
        return h @ sd["fc.weight"].T + sd["fc.bias"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        sd = self.sd
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / X.shape[0]
        g_ = {k: np.zeros_like(v) for k, v in sd.items()}
        g_["fc.weight"] = dpred.T @ self.h_T
        g_["fc.bias"] = dpred.sum(axis=0)
        dh = dpred @ sd["fc.weight"]
        dc = np.zeros_like(dh)
        for x, h_prev, c_prev, i, f, g, o, c in reversed(self.cache):
            tc = np.tanh(c)
            dc = dc + dh * o * (1.0 - tc ** 2)
            da = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f),
                                 dc * i * (1 - g ** 2), dh * tc * o * (1 - o)], axis=1)
            g_["weight_ih_l0"] += da.T @ x
            g_["weight_hh_l0"] += da.T @ h_prev
            g_["bias_ih_l0"] += da.sum(axis=0)
            g_["bias_hh_l0"] += da.sum(axis=0)
            dh = da @ sd["weight_hh_l0"]
            dc = dc * f
        self.grads = g_
        self.step_count += 1
        b1, b2 = self.betas
        for k in sd:
            self.m[k] = b1 * self.m[k] + (1 - b1) * g_[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * g_[k] ** 2
            sd[k] -= self.lr * (self.m[k] / (1 - b1 ** self.step_count)) / (np.sqrt(self.v[k] / (1 - b2 ** self.step_count)) + self.eps)
        return float(loss)
