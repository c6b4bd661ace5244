"""RankNet by hand in NumPy, written over an explicit list of pairs.

Same model and training as ranknet_numpy.py (10 -> 16 tanh -> 1 without output bias, mean
RankNet loss over the pairs rel_i > rel_j of each list, Adam), but the pairs are gathered
once per step as index arrays (q, i, j), the layers use einsum, the scoring weight is a
vector w (hidden,), the score gradient is scattered with np.add.at and Adam updates in place.
"""

import math

import numpy as np


class RankNetPairs:
    def __init__(self, n_features=10, hidden=16, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 sigma=1.0, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) / math.sqrt(n_features),
            "b1": np.zeros(hidden),
            "w": rng.standard_normal(hidden) / math.sqrt(hidden),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.sigma = sigma

    def _forward(self, X):
        h = np.tanh(np.einsum("qld,dh->qlh", X, self.params["W1"]) + self.params["b1"])
        s = np.einsum("qlh,h->ql", h, self.params["w"])
        return s, h

    @staticmethod
    def _pair_index(y):
        q, i, j = np.nonzero(y[:, :, None] > y[:, None, :])
        return q, i, j

    def loss(self, X, y):
        s, _ = self._forward(X)
        q, i, j = self._pair_index(y)
        d = s[q, i] - s[q, j]
        return float(np.mean(np.logaddexp(0, -self.sigma * d)))

    def train_step(self, X, y):
        s, h = self._forward(X)
        q, i, j = self._pair_index(y)
        n = len(q)
        d = s[q, i] - s[q, j]
        loss = np.mean(np.logaddexp(0, -self.sigma * d))

        # d loss / d d_k = -sigma / (1 + exp(sigma d_k)) / n
        lam = -self.sigma / (1 + np.exp(self.sigma * d)) / n
        ds = np.zeros_like(s)
        np.add.at(ds, (q, i), lam)
        np.add.at(ds, (q, j), -lam)

        self.grads["w"] = np.einsum("qlh,ql->h", h, ds)
        dpre = ds[:, :, None] * self.params["w"] * (1 - h * h)
        self.grads["W1"] = np.einsum("qld,qlh->dh", X, dpre)
        self.grads["b1"] = dpre.sum(axis=(0, 1))

        self.t += 1
        step = self.lr * math.sqrt(1 - self.beta2 ** self.t) / (1 - self.beta1 ** self.t)
        eps_hat = self.eps * math.sqrt(1 - self.beta2 ** self.t)
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] *= self.beta1
            self.m[k] += (1 - self.beta1) * g
            self.v[k] *= self.beta2
            self.v[k] += (1 - self.beta2) * g * g
            p -= step * self.m[k] / (np.sqrt(self.v[k]) + eps_hat)
        return float(loss)
