"""NeuMF (GMF + MLP tower) from scratch in NumPy, trained with the BPR pairwise loss.

For a user u and an item i:
    g  = Pg[u] * Qg[i]                                   GMF branch (k)
    z  = [Pm[u], Qm[i]]                                  MLP input (2d)
    h1 = relu(z @ W1 + b1); h2 = relu(h1 @ W2 + b2)      MLP tower (h1, h2)
    s  = [g, h2] @ Wo                                    score (Wo: (k + h2, 1), no bias)
loss = mean_n softplus(-(s(u, i) - s(u, j)))
       + reg / 2 * (|Pg[u]|^2 + |Pm[u]|^2 + |Qg[i]|^2 + |Qm[i]|^2 + |Qg[j]|^2 + |Qm[j]|^2)
         summed over the batch / N                       (gathered rows only)
Adagrad written by hand: G starts at 0.1 (TensorFlow's initial_accumulator_value),
G += g^2, p -= lr * g / (sqrt(G) + eps), lr 0.1, eps 1e-10.

    X: int64 (N, 3) user, positive item, negative item; y: unused (all ones)
"""

import numpy as np

TABLES = (("Pg", "u"), ("Pm", "u"), ("Qg", "i"), ("Qm", "i"), ("Qg", "j"), ("Qm", "j"))


def relu(a):
    return np.maximum(a, 0.0)


class NeuMF:
    def __init__(self, n_users=14, n_items=24, k=8, d=8, h1=16, h2=8, lr=0.1, reg=0.05,
                 init_acc=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.k, self.d = k, d
        self.params = {
            "Pg": rng.normal(0.0, 0.1, (n_users, k)),
            "Qg": rng.normal(0.0, 0.1, (n_items, k)),
            "Pm": rng.normal(0.0, 0.1, (n_users, d)),
            "Qm": rng.normal(0.0, 0.1, (n_items, d)),
            "W1": rng.normal(0.0, np.sqrt(2.0 / (2 * d)), (2 * d, h1)),
            "b1": np.full(h1, 0.01),
            "W2": rng.normal(0.0, np.sqrt(2.0 / h1), (h1, h2)),
            "b2": np.full(h2, 0.01),
            "Wo": rng.normal(0.0, np.sqrt(1.0 / (k + h2)), (k + h2, 1)),
        }
        self.lr, self.reg, self.eps = lr, reg, eps
        self.G = {name: np.full_like(p, init_acc) for name, p in self.params.items()}
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}

    # ------------------------------------------------------------------ forward
    def score(self, u, items):
        p = self.params
        pg, qg = p["Pg"][u], p["Qg"][items]
        g = pg * qg
        z = np.concatenate([p["Pm"][u], p["Qm"][items]], axis=1)
        a1 = z @ p["W1"] + p["b1"]
        h1 = relu(a1)
        a2 = h1 @ p["W2"] + p["b2"]
        h2 = relu(a2)
        f = np.concatenate([g, h2], axis=1)
        s = (f @ p["Wo"])[:, 0]
        cache = {"pg": pg, "qg": qg, "z": z, "a1": a1, "h1": h1, "a2": a2, "f": f}
        return s, cache

    def loss(self, X, y=None):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        x = self.score(u, i)[0] - self.score(u, j)[0]
        idx = {"u": u, "i": i, "j": j}
        l2 = sum((self.params[t][idx[r]] ** 2).sum() for t, r in TABLES)
        return np.logaddexp(0.0, -x).mean() + 0.5 * self.reg * l2 / len(X)

    # ----------------------------------------------------------------- backward
    def backward_score(self, ds, cache, u, items):
        """Add d loss / d params of s(u, items) = ds (N,) into self.grads."""
        p, gr, k, d = self.params, self.grads, self.k, self.d
        gr["Wo"] += cache["f"].T @ ds[:, None]
        df = ds[:, None] * p["Wo"][:, 0]
        dg, dh2 = df[:, :k], df[:, k:]
        da2 = dh2 * (cache["a2"] > 0)
        gr["W2"] += cache["h1"].T @ da2
        gr["b2"] += da2.sum(axis=0)
        da1 = (da2 @ p["W2"].T) * (cache["a1"] > 0)
        gr["W1"] += da1.T @ cache["z"]
        gr["b1"] += da1.sum(axis=0)
        dz = da1 @ p["W1"].T
        np.add.at(gr["Pg"], u, dg * cache["qg"])
        np.add.at(gr["Qg"], items, dg * cache["pg"])
        np.add.at(gr["Pm"], u, dz[:, :d])
        np.add.at(gr["Qm"], items, dz[:, d:])

    def train_step(self, X, y):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        N = len(X)
        loss = self.loss(X)
        for g in self.grads.values():
            g[...] = 0.0

        s_pos, c_pos = self.score(u, i)
        s_neg, c_neg = self.score(u, j)
        x = s_pos - s_neg
        dx = -0.5 * (1.0 - np.tanh(0.5 * x)) / N     # -sigmoid(-x) / N
        self.backward_score(dx, c_pos, u, i)
        self.backward_score(-dx, c_neg, u, j)

        idx = {"u": u, "i": i, "j": j}
        for t, r in TABLES:                          # L2 on the gathered rows
            np.add.at(self.grads[t], idx[r], self.reg * self.params[t][idx[r]] / N)

        # Adagrad
        for name, p in self.params.items():
            g = self.grads[name]
            self.G[name] += g * g
            p -= self.lr * g / (np.sqrt(self.G[name]) + self.eps)
        return float(loss)
