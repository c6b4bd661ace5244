"""Autoregressive sequence model in NumPy trained with teacher forcing: at step t the RNN reads
the exogenous inputs x_t together with the previous value of the series, y_{t-1} (0 at the
first step), the observed one rather than its own prediction, and predicts y_t. Written to
mirror torch.nn.RNN (W_ih (H, 3), W_hh (H, H), two biases), the readout (1, H); the squared
errors averaged over every step; BPTT; Adam.

    X: (n, 6, 2), y: (n, 6)
"""

import numpy as np

D, H = 2, 6


class TeacherForcedRNN:
    def __init__(self, lr=0.01, seed=12):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.p = {"W_ih": rng.uniform(-k, k, (H, D + 1)), "W_hh": rng.uniform(-k, k, (H, H)),
                  "b_ih": rng.uniform(-k, k, H), "b_hh": rng.uniform(-k, k, H),
                  "W_y": rng.uniform(-k, k, (1, H)), "b_y": np.zeros(1)}
        self.lr, self.beta1, self.beta2, self.eps, self.t = lr, 0.9, 0.999, 1e-8, 0
        self.m = {k_: np.zeros_like(v) for k_, v in self.p.items()}
        self.v = {k_: np.zeros_like(v) for k_, v in self.p.items()}

    def forward(self, X, Y):
        p = self.p
        y_prev = np.concatenate([np.zeros_like(Y[:, :1]), Y[:, 1:]], axis=1)   # fix: y_prev = np.concatenate([np.zeros_like(Y[:, :1]), Y[:, :-1]], axis=1)
        self.U = np.concatenate([X, y_prev[..., None]], axis=2)                 # (n, T, D + 1)
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        self.hs = [h]
        for t in range(X.shape[1]):
            h = np.tanh(self.U[:, t] @ p["W_ih"].T + p["b_ih"] + h @ p["W_hh"].T + p["b_hh"])
            self.hs.append(h)
        self.states = np.stack(self.hs[1:], axis=1)                             # (n, T, H)
        return (self.states @ p["W_y"].T)[..., 0] + p["b_y"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X, y) - y) ** 2))

    def train_step(self, X, y):
        p = self.p
        pred = self.forward(X, y)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size                                    # (n, T)
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["W_y"] = np.einsum("nt,nth->h", dpred, self.states)[None, :]
        g["b_y"] = dpred.sum().reshape(1)
        dh_next = np.zeros_like(self.hs[0])
        for t in reversed(range(X.shape[1])):
            dh = dpred[:, t:t + 1] @ p["W_y"] + dh_next
            da = dh * (1.0 - self.hs[t + 1] ** 2)
            g["W_ih"] += da.T @ self.U[:, t]
            g["W_hh"] += da.T @ self.hs[t]
            g["b_ih"] += da.sum(axis=0)
            g["b_hh"] += da.sum(axis=0)
            dh_next = da @ p["W_hh"]
        self.grads = g
        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            mh = self.m[k] / (1 - self.beta1 ** self.t)
            vh = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * mh / (np.sqrt(vh) + self.eps)
        return float(loss)
