"""Elman RNN regressor in NumPy, written to mirror torch.nn.RNN: weights kept (out, in) as torch
keeps them (W_ih (10, 2), W_hh (10, 10)), two biases b_ih and b_hh, the sequence walked
time-major (X.transpose(1, 0, 2)). Prediction from the last state through W_out (1, 10).
Mean squared error, BPTT, Adam at lr 0.01.

    X: (n, 5, 2), y: (n, 1)
"""

import numpy as np


class RecurrentRegressor:
    def __init__(self, n_in=2, hidden=10, lr=0.01, seed=19):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.params = {
            "W_ih": rng.uniform(-k, k, (hidden, n_in)), "W_hh": rng.uniform(-k, k, (hidden, hidden)),
            "b_ih": rng.uniform(-k, k, hidden), "b_hh": rng.uniform(-k, k, hidden),
            "W_out": rng.uniform(-k, k, (1, hidden)), "b_out": np.zeros(1),
        }
        self.lr, self.betas, self.eps, self.t = lr, (0.9, 0.999), 1e-8, 0
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}

    def forward(self, X):
        p = self.params
        states = [np.zeros((X.shape[0], p["W_hh"].shape[0]), dtype=X.dtype)]
        for x_t in X.transpose(1, 0, 2):
            states.append(np.tanh(x_t @ p["W_ih"].T + p["b_ih"] + states[-1] @ p["W_hh"].T + p["b_hh"]))
        self.states = states
        return states[-1] @ p["W_out"].T + p["b_out"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size
        g = {"W_out": dpred.T @ self.states[-1], "b_out": dpred.sum(axis=0)}
        g.update({k: np.zeros_like(p[k]) for k in ("W_ih", "W_hh", "b_ih", "b_hh")})
        dh = dpred @ p["W_out"]
        for t in range(X.shape[1] - 1, -1, -1):
            da = dh * (1.0 - self.states[t + 1] ** 2)
            g["W_ih"] += da.T @ X[:, t]
            g["W_hh"] += da.T @ self.states[t]
            g["b_ih"] += da.sum(axis=0)
            g["b_hh"] += da.sum(axis=0)
            dh = da @ p["W_hh"]
        self.grads = g

        self.t += 1
        b1, b2 = self.betas
        for name in p:
            self.m[name] = b1 * self.m[name] + (1 - b1) * g[name]
            self.v[name] = b2 * self.v[name] + (1 - b2) * g[name] ** 2
            denom = np.sqrt(self.v[name] / (1 - b2 ** self.t)) + self.eps
            p[name] -= self.lr / (1 - b1 ** self.t) * self.m[name] / denom
        return float(loss)
