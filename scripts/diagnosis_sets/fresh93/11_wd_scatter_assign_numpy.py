"""A wide & deep click model, from scratch in NumPy.

The wide part is a linear model on the three raw numeric columns (with the global bias b). The
deep part looks each of the four categorical ids up in its own embedding table E0..E3 (6, 5, 4
and 7 ids, four dimensions each), concatenates the numeric columns and the four rows (19
inputs) and runs a ReLU layer of 8 units and a linear unit. Both logits are summed before the
sigmoid. The loss is the log loss of the click averaged over the batch plus an L2 penalty on the
embedding rows the batch looked up only (each looked-up row once per occurrence, averaged over the
batch like the data term): 0.5 * LAM * sum_f |E_f[ids_f]|^2 / n. The backward scatters into
the tables with np.add.at. Adam with torch's defaults and a linear warm-up: the t-th update uses
LR * min(1, t / WARMUP).

    X: float (n, 7) three numeric features, then four categorical ids; y: float (n,) the click
"""

import numpy as np

N_NUM, CARDS, K, HIDDEN = 3, (6, 5, 4, 7), 4, 8
D_IN = N_NUM + K * len(CARDS)
LR, LAM, WARMUP = 0.03, 0.05, 5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class WideDeep:
    def __init__(self, seed=93):
        rng = np.random.default_rng(seed)
        self.params = {f"E{f}": rng.normal(0.0, 0.3, (card, K)) for f, card in enumerate(CARDS)}
        self.params.update({
            "w_wide": rng.normal(0.0, 0.1, N_NUM),
            "b": np.zeros(1),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), HIDDEN),
        })
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        num = X[:, :N_NUM]
        ids = [X[:, N_NUM + f].astype(np.int64) for f in range(len(CARDS))]
        rows = [p[f"E{f}"][i] for f, i in enumerate(ids)]
        e = np.concatenate([num] + rows, axis=1)
        pre = e @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        z = num @ p["w_wide"] + p["b"] + h @ p["W2"]
        return z, (num, ids, rows, e, pre, h)

    def loss(self, X, y):
        z, (num, ids, rows, e, pre, h) = self.forward(X)
        prob = sigmoid(z)
        data = -np.mean(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob))
        return data + 0.5 * LAM * sum(np.sum(r ** 2) for r in rows) / len(X)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z, (num, ids, rows, e, pre, h) = self.forward(X)
        prob = sigmoid(z)
        data = -np.mean(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob))
        loss = data + 0.5 * LAM * sum(np.sum(r ** 2) for r in rows) / n

        dz = (prob - y) / n
        g = {}
        g["w_wide"] = num.T @ dz
        g["b"] = np.sum(dz, keepdims=True)
        g["W2"] = h.T @ dz
        dpre = np.outer(dz, p["W2"]) * (pre > 0)
        g["W1"] = e.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        de = dpre @ p["W1"].T
        for f, i in enumerate(ids):
            dE = np.zeros_like(p[f"E{f}"])
            d_rows = de[:, N_NUM + K * f:N_NUM + K * (f + 1)] + LAM * rows[f] / n
            dE[i] += d_rows  # fix: np.add.at(dE, i, d_rows)
            g[f"E{f}"] = dE
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
