"""LambdaRank-style pairwise loss by hand in NumPy.

Scoring MLP on every (query, item) row: 10 -> 20 tanh -> 1 (no output bias). Each step the
current scores rank every list (descending); for each pair with rel_i > rel_j the RankNet
term log(1 + exp(-sigma (s_i - s_j))) is weighted by |delta NDCG_ij|, the change of NDCG
when items i and j swap places:
    |2^rel_i - 2^rel_j| * |1/log2(2 + rank_i) - 1/log2(2 + rank_j)| / IDCG
(held constant: no gradient through the ranking). The batch loss is the sum over pairs
divided by the number of lists. RMSprop (alpha 0.99, eps 1e-8 outside the square root, as
torch.optim.RMSprop), lr 2e-3.
"""

import math

import numpy as np


class LambdaRankMLP:
    def __init__(self, n_features=10, hidden=20, lr=2e-3, alpha=0.99, eps=1e-8,
                 sigma=1.0, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) / math.sqrt(n_features),
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, 1)) / math.sqrt(hidden),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.sigma = sigma

    def scores(self, X):
        Q, L, D = X.shape
        rows = X.reshape(Q * L, D)
        h = np.tanh(rows @ self.params["W1"] + self.params["b1"])
        return (h @ self.params["W2"]).reshape(Q, L), rows, h

    @staticmethod
    def delta_ndcg(s, y):
        Q, L = s.shape
        gains = 2.0 ** y - 1
        ranks = np.argsort(-s, axis=1)                  # position of each item
        disc = 1.0 / np.log2(ranks.astype(s.dtype) + 2)
        ideal = np.sort(gains, axis=1)[:, ::-1]
        idcg = (ideal / np.log2(np.arange(L, dtype=s.dtype) + 2)).sum(axis=1)
        dg = np.abs(gains[:, :, None] - gains[:, None, :])
        dd = np.abs(disc[:, :, None] - disc[:, None, :])
        return dg * dd / idcg[:, None, None]

    def _loss_terms(self, s, y):
        diff = s[:, :, None] - s[:, None, :]
        mask = (y[:, :, None] > y[:, None, :]).astype(s.dtype)
        w = mask * self.delta_ndcg(s, y)
        return diff, w

    def loss(self, X, y):
        s, _, _ = self.scores(X)
        diff, w = self._loss_terms(s, y)
        return float((w * np.logaddexp(0, -self.sigma * diff)).sum() / s.shape[0])

    def train_step(self, X, y):
        p = self.params
        Q, L, _ = X.shape
        s, rows, h = self.scores(X)
        diff, w = self._loss_terms(s, y)
        loss = (w * np.logaddexp(0, -self.sigma * diff)).sum() / Q

        # lambda_ij = -sigma |dNDCG| sigmoid(-sigma (s_i - s_j)) / Q
        lam = -self.sigma * w / (1 + np.exp(self.sigma * diff)) / Q
        ds = lam.sum(axis=2) - lam.sum(axis=1)
        dout = ds.reshape(Q * L, 1)
        self.grads["W2"] = h.T @ dout
        dpre = (dout @ p["W2"].T) * (1 - h * h)
        self.grads["W1"] = rows.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)

        for k in p:
            g = self.grads[k]
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g * g
            p[k] = p[k] - self.lr * g / (np.sqrt(self.sq[k]) + self.eps)
        return float(loss)
