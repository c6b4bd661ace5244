"""RankNet by hand in NumPy.

A scoring MLP applied to every (query, item) row: 10 -> 16 tanh -> 1 (no output bias: a
shift of every score in a list changes no pairwise probability). Within each list, every
pair (i, j) with rel_i > rel_j contributes log(1 + exp(-sigma (s_i - s_j))); the loss is the
mean over all such pairs of the batch. Adam (bias-corrected, as torch.optim.Adam).

    X (Q, L, D) features, y (Q, L) graded relevance.
"""

import math

import numpy as np


class RankNetMLP:
    def __init__(self, n_features=10, hidden=16, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 sigma=1.0, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) / math.sqrt(n_features),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, 1)) / math.sqrt(hidden),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.sigma = sigma

    def scores(self, X):
        Q, L, D = X.shape
        rows = X.reshape(Q * L, D)
        h = np.tanh(rows @ self.params["W1"] + self.params["b1"])
        s = (h @ self.params["W2"]).reshape(Q, L)
        return s, rows, h

    def _pairs(self, s, y):
        diff = s[:, :, None] - s[:, None, :]            # s_i - s_j, (Q, L, L)
        mask = (y[:, :, None] > y[:, None, :]).astype(s.dtype)
        n_pairs = float(mask.sum())
        return diff, mask, n_pairs

    def loss(self, X, y):
        s, _, _ = self.scores(X)
        diff, mask, n_pairs = self._pairs(s, y)
        return float((mask * np.logaddexp(0, -self.sigma * diff)).sum() / n_pairs)

    def train_step(self, X, y):
        Q, L, _ = X.shape
        p = self.params
        s, rows, h = self.scores(X)
        diff, mask, n_pairs = self._pairs(s, y)
        loss = (mask * np.logaddexp(0, -self.sigma * diff)).sum() / n_pairs

        # d/d diff of log(1 + exp(-sigma d)) = -sigma * sigmoid(-sigma d)
        sig = 0.5 * (1 + np.tanh(-0.5 * self.sigma * diff))
        ddiff = -self.sigma * mask * sig / n_pairs
        # diff[q, i, j] = s_i - s_j: s_i gets +ddiff[q, i, :], s_j gets -ddiff[q, :, j]
        ds = ddiff.sum(axis=2) - ddiff.sum(axis=1)       # (Q, L)

        dout = ds.reshape(Q * L, 1)
        self.grads["W2"] = h.T @ dout
        dh = dout @ p["W2"].T
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = rows.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)

        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k in p:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
