"""LambdaRank in NumPy: a ReLU MLP scores the documents; each pair (i, j) of one query with
y_i > y_j contributes |delta NDCG_ij| * log(1 + exp(-SIGMA * (s_i - s_j))), where |delta NDCG_ij|
is how much the query's NDCG would change if i and j swapped places in the current ranking
(exponential gains 2^y - 1, discounts 1 / log2(rank + 2) with rank 0 for the top score, divided
by the ideal DCG). The weights are read off the current scores and held constant in the gradient.
Queries are handled one at a time in a loop; the batch loss is the sum over its queries divided
by the number of queries. Adam (torch's form, BETA2 = 0.99) with a step schedule: the learning
rate halves every STEP_SIZE updates (torch's StepLR stepped after each update).

    X: float (n, 1 + 6), y: float (n,); a batch holds whole queries
"""

import numpy as np

D_IN, HIDDEN = 6, 12
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.99, 1e-8
STEP_SIZE, GAMMA, SIGMA = 6, 0.5, 1.0


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def delta_ndcg(s, y):
    """|delta NDCG| of swapping every pair (i, j), from the current ranking by s."""
    n = len(s)
    order = np.argsort(-s, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    disc = (1.0 / np.log2(rank + 2.0)).astype(s.dtype)
    gain = 2.0 ** y - 1.0
    ideal = np.sort(gain)[::-1]
    idcg = np.sum(ideal / np.log2(np.arange(n) + 2.0).astype(s.dtype))
    return np.abs((gain[:, None] - gain[None, :]) * (disc[:, None] - disc[None, :])) / idcg


class LambdaRank:
    def __init__(self, seed=94):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D_IN), (D_IN, HIDDEN)),
            "b1": np.full(HIDDEN, 0.05),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, F):
        p = self.params
        self.F = F
        self.z = F @ p["W1"] + p["b1"]
        self.h = np.maximum(self.z, 0.0)
        return (self.h @ p["W2"])[:, 0]

    def train_step(self, X, y):
        p = self.params
        qid = X[:, 0]
        s = self.forward(X[:, 1:])
        ds = np.zeros_like(s)
        queries = np.unique(qid)
        total = 0.0
        for q in queries:
            idx = np.flatnonzero(qid == q)
            sq, yq = s[idx], y[idx]
            w = delta_ndcg(sq, yq)
            P = (yq[:, None] > yq[None, :]).astype(s.dtype)
            diff = sq[:, None] - sq[None, :]
            total += np.sum(P * w * np.logaddexp(0.0, -SIGMA * diff))
            lam = -SIGMA * P * w * sigmoid(-SIGMA * diff)
            ds[idx] += lam.sum(axis=1) - lam.sum(axis=0)
        nq = len(queries)
        loss = total / nq
        ds /= nq

        g = {}
        g["W2"] = self.h.T @ ds[:, None]
        dz = (ds[:, None] @ p["W2"].T) * (self.z > 0)
        g["W1"] = self.F.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA1 ** self.t)  # fix: v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
