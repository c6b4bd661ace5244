"""Skip-gram with negative sampling (word2vec) in NumPy.

Two tables: W_in holds the centre-word ("input") vectors, W_out the context-word ("output")
vectors. For a row (c, o, n_1..n_K) the loss is
    -log sigmoid(u_o . v_c) - sum_k log sigmoid(-u_{n_k} . v_c),
summed over the K + 1 terms and over the rows of the batch (word2vec's per-pair SGD, batched).
The gather, the gradients of the dot products and the scatter-add back into the tables
(np.add.at, so that repeated words accumulate) are written by hand. Plain SGD with word2vec's
linearly decaying learning rate: the update made after t earlier updates uses
LR * max(MIN_FRAC, 1 - t / TOTAL).

    X: float (n, 2 + K) centre id, context id, K negative ids; y: float (n, 1) dummy ones
"""

import numpy as np

V, D, K = 30, 10, 5
LR, MIN_FRAC, TOTAL = 0.05, 1e-4, 40


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


class SkipGramNS:
    def __init__(self, seed=108):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 0.3, (V, D)),
            "W_out": rng.normal(0.0, 0.3, (V, D)),
        }
        self.t = 0
        self.lr = LR

    def forward(self, X):
        p = self.params
        c = X[:, 0].astype(int)
        o = X[:, 1].astype(int)
        neg = X[:, 2:2 + K].astype(int)
        v = p["W_in"][c]                                   # (n, D)
        u_o = p["W_out"][o]                                # (n, D)
        u_n = p["W_out"][neg]                              # (n, K, D)
        s_pos = np.sum(v * u_o, axis=1)                    # (n,)
        s_neg = np.einsum("nkd,nd->nk", u_n, v)            # (n, K)
        return (c, o, neg, v, u_o, u_n), s_pos, s_neg

    def loss(self, X, y):
        _, s_pos, s_neg = self.forward(X)
        return -(log_sigmoid(s_pos).sum() + log_sigmoid(-s_neg).sum())

    def train_step(self, X, y):
        p = self.params
        (c, o, neg, v, u_o, u_n), s_pos, s_neg = self.forward(X)
        loss = -(log_sigmoid(s_pos).sum() + log_sigmoid(-s_neg).sum())

        g_pos = sigmoid(s_pos) - 1.0                       # d loss / d s_pos
        g_neg = sigmoid(s_neg)                             # d loss / d s_neg
        dv = g_pos[:, None] * u_o + np.einsum("nk,nkd->nd", g_neg, u_n)
        du_o = g_pos[:, None] * v
        du_n = g_neg[:, :, None] * v[:, None, :]

        g = {"W_in": np.zeros_like(p["W_in"]), "W_out": np.zeros_like(p["W_out"])}
        np.add.at(g["W_in"], c, dv)
        np.add.at(g["W_out"], o, du_o)
        np.add.at(g["W_out"], neg, du_n)
        self.grads = g

        self.lr = LR * max(MIN_FRAC, 1.0 - self.t / TOTAL)
        for k in p:
            p[k] -= self.lr * g[k]
        self.t += 1
        return float(loss)
