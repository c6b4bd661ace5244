"""RankNet in NumPy written with loops: the same model, loss and training as ranknet_numpy.py,
in another layout and another bookkeeping.

The hidden weight is kept as torch keeps it, (hidden, features), used as F @ hidden_w.T; the
score weight is a plain vector. The pairs are walked query by query with itertools.permutations
(every ordered pair with y_i > y_j), the loss and each pair's lambda accumulated one at a time.
The global gradient norm comes from np.linalg.norm of all gradients concatenated. The momentum
step keeps the learning rate inside the running move, move = MOMENTUM * move + LR * d, and
subtracts it (the same updates as torch's buffer times LR for a constant rate).

    X: float (n, 1 + 8), y: float (n,)
"""

from itertools import permutations

import numpy as np

D_IN, HIDDEN = 8, 16
LR, MOMENTUM, WD, CLIP, SIGMA = 0.05, 0.9, 1e-3, 0.5, 2.0


class RankNetLoops:
    def __init__(self, seed=94):
        rng = np.random.default_rng(seed)
        self.params = {
            "hidden_w": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (HIDDEN, D_IN)),
            "hidden_b": np.zeros(HIDDEN),
            "score_w": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), HIDDEN),
        }
        self.decay = {"hidden_w": WD, "hidden_b": 0.0, "score_w": WD}
        self.moves = {k: np.zeros_like(a) for k, a in self.params.items()}

    def scores(self, F):
        p = self.params
        h = np.tanh(F @ p["hidden_w"].T + p["hidden_b"])
        return h @ p["score_w"], h

    def train_step(self, X, y):
        p = self.params
        F = X[:, 1:]
        qid = X[:, 0]
        s, h = self.scores(F)
        ds = np.zeros_like(s)
        total, count = 0.0, 0
        for q in np.unique(qid):
            docs = np.flatnonzero(qid == q)
            for i, j in permutations(docs, 2):
                if y[i] <= y[j]:
                    continue
                margin = SIGMA * (s[i] - s[j])
                total += float(np.logaddexp(0.0, -margin))
                lam = -SIGMA / (1.0 + np.exp(margin))
                ds[i] += lam
                ds[j] -= lam
                count += 1
        ds /= count

        g = {
            "score_w": h.T @ ds,
            "hidden_w": None,
            "hidden_b": None,
        }
        dpre = np.outer(ds, p["score_w"]) * (1.0 - h * h)
        g["hidden_w"] = dpre.T @ F
        g["hidden_b"] = dpre.sum(axis=0)

        norm = np.linalg.norm(np.concatenate([a.ravel() for a in g.values()]))
        if norm > CLIP:
            scale = CLIP / (float(norm) + 1e-6)
            g = {k: a * scale for k, a in g.items()}
        self.grads = g

        for k in p:
            d = g[k] + self.decay[k] * p[k]
            self.moves[k] = MOMENTUM * self.moves[k] + LR * d
            p[k] -= self.moves[k]
        return total / count
