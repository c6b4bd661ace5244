"""Cosine two-tower model in NumPy: each tower is an embedding table followed by L2 normalisation,
the in-batch score matrix is the cosine of every user with every item of the batch divided by a
temperature; row i's positive is column i. Mean cross-entropy, plain SGD, the normalisation's
backward written out (the projection off each unit vector).

    X: int (n, 2) (user id, item id)
"""

import numpy as np

N_USERS, N_ITEMS, DIM, TAU, LR = 12, 10, 4, 0.2, 0.3


def l2_normalize(a):
    norm = np.sqrt(np.sum(a * a, axis=1, keepdims=True))
    return a / norm, norm


def l2_normalize_backward(d_ah, ah, norm):
    return (d_ah - ah * np.sum(d_ah * ah, axis=1, keepdims=True)) / norm


class CosineTwoTower:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {"U": rng.normal(0.0, 1.0, (N_USERS, DIM)), "V": rng.normal(0.0, 1.0, (N_ITEMS, DIM))}

    def train_step(self, X, y):
        p = self.params
        users, items = X[:, 0], X[:, 1]
        n = len(users)
        uh, nu = l2_normalize(p["U"][users])
        vh, nv = l2_normalize(p["V"][items])
        S = uh @ vh.T / TAU
        S = S - S.max(axis=1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(np.diag(P)))

        dS = (P - np.eye(n, dtype=P.dtype)) / n
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["U"], users, l2_normalize_backward(dS @ vh / TAU, uh, nu))
        np.add.at(g["V"], items, l2_normalize_backward(dS.T @ uh / TAU, vh, nv))
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
