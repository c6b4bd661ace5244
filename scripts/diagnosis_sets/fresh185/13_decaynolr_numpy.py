"""An embedding tagger with a linear-chain CRF, from scratch in NumPy, trained with AdamW.

    e[n, t] = emb[X[n, t]] @ W_out.T + b_out          emission scores (N, T, K)
    score(y) = start[y_0] + sum_t e_t[y_t] + sum_t trans[y_t, y_{t+1}] + end[y_{T-1}]
    loss = mean_n (log Z_n - score_n(y_n))              log Z by the forward algorithm, log space

Backward: node and edge marginals from alpha and beta (forward-backward in log space);
the embedding gradient is scattered back to the rows of the tokens with np.add.at.

AdamW as torch.optim.AdamW: p *= 1 - lr * wd; m, v moving averages (beta1 0.9, beta2 0.999);
p -= lr * m_hat / (sqrt(v_hat) + eps), both moments bias-corrected; lr 0.05, wd 0.01, eps 1e-8.

X int64 (N, T) token ids, y int64 (N, T) tags.
Parameters (self.p): emb (V, D), W_out (K, D) (stored (out, in)), b_out (K,), trans (K, K)
with trans[i, j] the score of i followed by j, start (K,), end (K,).
Optimizer state: self.m, self.v (keyed like self.p), step count self.t.
"""

import os

import numpy as np


def lse(a, axis):
    amax = np.max(a, axis=axis, keepdims=True)
    out = np.log(np.sum(np.exp(a - amax), axis=axis, keepdims=True)) + amax
    return np.squeeze(out, axis=axis)


class EmbCRFTagger:
    def __init__(self, vocab=15, dim=8, n_tags=5, lr=0.05, weight_decay=0.01,
                 betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.p = {
            "emb": rng.normal(0.0, 1.0, (vocab, dim)),
            "W_out": rng.uniform(-1, 1, (n_tags, dim)) / np.sqrt(dim),
            "b_out": rng.uniform(-1, 1, n_tags) / np.sqrt(dim),
            "trans": rng.uniform(-0.1, 0.1, (n_tags, n_tags)),
            "start": rng.uniform(-0.1, 0.1, n_tags),
            "end": rng.uniform(-0.1, 0.1, n_tags),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(a) for k, a in self.p.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.p.items()}
        self.t = 0
        self.lr, self.wd, self.eps = lr, weight_decay, eps
        self.beta1, self.beta2 = betas

    def _emissions(self, X):
        x = self.p["emb"][X]                                  # (N, T, D)
        return x, x @ self.p["W_out"].T + self.p["b_out"]

    def _alpha(self, em):
        N, T, K = em.shape
        A = self.p["trans"]
        alpha = np.empty_like(em)
        alpha[:, 0] = self.p["start"] + em[:, 0]
        for t in range(1, T):
            alpha[:, t] = em[:, t] + lse(alpha[:, t - 1][:, :, None] + A[None], axis=1)
        return alpha, lse(alpha[:, T - 1] + self.p["end"], axis=1)

    def _beta(self, em):
        N, T, K = em.shape
        A = self.p["trans"]
        beta = np.empty_like(em)
        beta[:, T - 1] = self.p["end"]
        for t in reversed(range(T - 1)):
            beta[:, t] = lse(A[None] + (em[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        return beta

    def _gold(self, em, y):
        N, T, K = em.shape
        n = np.arange(N)
        s = self.p["start"][y[:, 0]] + self.p["end"][y[:, T - 1]]
        for t in range(T):
            s = s + em[n, t, y[:, t]]
        for t in range(T - 1):
            s = s + self.p["trans"][y[:, t], y[:, t + 1]]
        return s

    def loss(self, X, y):
        _, em = self._emissions(X)
        _, log_z = self._alpha(em)
        return np.mean(log_z - self._gold(em, y))

    def backward(self, X, y):
        x, em = self._emissions(X)
        N, T, K = em.shape
        alpha, log_z = self._alpha(em)
        beta = self._beta(em)
        loss = np.mean(log_z - self._gold(em, y))

        marg = np.exp(alpha + beta - log_z[:, None, None])                 # (N, T, K)
        gold = np.zeros_like(em)
        gold[np.arange(N)[:, None], np.arange(T)[None, :], y] = 1.0
        d_em = (marg - gold) / N

        d_trans = np.zeros_like(self.p["trans"])
        for t in range(T - 1):
            edge = np.exp(alpha[:, t][:, :, None] + self.p["trans"][None]
                          + (em[:, t + 1] + beta[:, t + 1])[:, None, :]
                          - log_z[:, None, None])                          # (N, K, K)
            d_trans += edge.sum(axis=0)
            np.add.at(d_trans, (y[:, t], y[:, t + 1]), -1.0)
        d_trans /= N

        dx = d_em @ self.p["W_out"]                                         # (N, T, D)
        d_emb = np.zeros_like(self.p["emb"])
        np.add.at(d_emb, X, dx)

        self.grads = {
            "emb": d_emb,
            "W_out": d_em.reshape(-1, K).T @ x.reshape(N * T, -1),
            "b_out": d_em.sum(axis=(0, 1)),
            "trans": d_trans,
            "start": d_em[:, 0].sum(axis=0),
            "end": d_em[:, T - 1].sum(axis=0),
        }
        return loss

    def adamw(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k, w in self.p.items():
            g = self.grads[k]
            w *= 1 - self.wd
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "emb.npz"))
    net = EmbCRFTagger()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, round(loss, 5))
