"""Bidirectional Elman RNN regressor in NumPy, written to mirror torch.nn.RNN(bidirectional=True,
batch_first=True): each direction has W_ih (H, D), W_hh (H, H) and two biases, the forward
direction reads x_0 .. x_4, the backward direction x_4 .. x_0, and the summary of the sequence
is the final state of each direction (the forward one after x_4, the backward one after x_0),
concatenated and read out linearly. Mean squared error, BPTT in both directions, RMSprop as
torch.optim.RMSprop computes it.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5


class BiRNN:
    def __init__(self, lr=0.005, alpha=0.99, eps=1e-8, seed=7):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.p = {}
        for d in ("f", "b"):
            self.p["W_ih_" + d] = rng.uniform(-k, k, (H, D))
            self.p["W_hh_" + d] = rng.uniform(-k, k, (H, H))
            self.p["b_ih_" + d] = rng.uniform(-k, k, H)
            self.p["b_hh_" + d] = rng.uniform(-k, k, H)
        self.p["W_y"] = rng.uniform(-0.3, 0.3, (1, 2 * H))
        self.p["b_y"] = np.zeros(1)
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.square_avg = {k_: np.zeros_like(v) for k_, v in self.p.items()}

    def _run(self, X, d, order):
        p = self.p
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        states = []
        for t in order:
            h_new = np.tanh(X[:, t] @ p["W_ih_" + d].T + p["b_ih_" + d] + h @ p["W_hh_" + d].T + p["b_hh_" + d])
            states.append((t, h, h_new))
            h = h_new
        return h, states

    def forward(self, X):
        T = X.shape[1]
        hf, self.sf = self._run(X, "f", range(T))
        hb, self.sb = self._run(X, "b", reversed(range(T)))
        self.feat = np.concatenate([hf, hb], axis=1)
        return self.feat @ self.p["W_y"].T + self.p["b_y"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def _bptt(self, X, d, states, dh, g):
        p = self.p
        for t, h_prev, h_new in reversed(states):
            da = dh * (1.0 - h_new ** 2)
            g["W_ih_" + d] += da.T @ X[:, t]
            g["W_hh_" + d] += da.T @ h_prev
            g["b_ih_" + d] += da.sum(axis=0)
            g["b_hh_" + d] += da.sum(axis=0)
            dh = da @ p["W_hh_" + d]

    def train_step(self, X, y):
        p = self.p
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / len(X)
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["W_y"] = dpred.T @ self.feat
        g["b_y"] = dpred.sum(axis=0)
        dfeat = dpred @ p["W_y"]
        self._bptt(X, "f", self.sf, dfeat[:, :H], g)
        self._bptt(X, "b", self.sb, dfeat[:, H:], g)
        self.grads = g
        for k in p:
            self.square_avg[k] = self.alpha * self.square_avg[k] + (1 - self.alpha) * g[k] ** 2
            p[k] -= self.lr * g[k] / (np.sqrt(self.square_avg[k]) + self.eps)
        return float(loss)
