"""Sampled-softmax recommender in NumPy: each row holds a user, the item the user clicked and four
negatives drawn uniformly from the catalogue. The candidates' logits are the dot product of the
user's embedding with each candidate item's embedding plus the item's bias; negatives that happen
to be the positive item itself (accidental hits) are masked out of the softmax with a large
negative logit. Mean cross-entropy of the positive (column 0), plain SGD, the table gradients
scattered with np.add.at.

    X: int (n, 6) (user id, positive item id, four negative item ids)
"""

import numpy as np

N_USERS, N_ITEMS, DIM, LR = 12, 10, 4, 0.5
MASKED = -1e9


class SampledSoftmaxRec:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "U": rng.normal(0.0, 0.6, (N_USERS, DIM)),
            "V": rng.normal(0.0, 0.6, (N_ITEMS, DIM)),
            "b_item": rng.normal(0.0, 0.3, N_ITEMS),
        }

    def train_step(self, X, y):
        p = self.params
        users, cand = X[:, 0], X[:, 1:]
        n = len(users)
        u, c = p["U"][users], p["V"][cand]
        logits = np.einsum("nd,nkd->nk", u, c) + p["b_item"][cand]
        hit = cand[:, 1:] == cand[:, :1]
        logits[:, 1:] = np.where(hit, MASKED, logits[:, 1:])
        z = logits - logits.max(axis=1, keepdims=True)
        P = np.exp(z)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(P[:, 0]))

        dL = P.copy()
        dL[:, 0] -= 1.0
        dL /= n
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["U"], users, np.einsum("nk,nkd->nd", dL, c))
        np.add.at(g["V"], cand, dL[:, :, None] * u[:, None, :])
        np.add.at(g["b_item"], cand, dL)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
