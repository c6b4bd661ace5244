"""The DCN of dcn_numpy.py written in another style: the embedding lookups as one-hot matrices
multiplied into the tables (their gradients onehot.T @ d), the cross weights and biases in two lists
stepped through with np.einsum, the forward caches kept in a dict, and the weighted cross-entropy
through log-sigmoids. Same model, same plain SGD.

    X: float (n, 5) (slot id, device id, age, income, past clicks), y: float (n, 1) 0/1
"""

from pathlib import Path

import numpy as np

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN, N_CROSS = 5, 4, 3, 3, 6, 2
D = 2 * EMB + N_NUM
POS_W, LR = 3.0, 0.5

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN, STD = _TRAIN.mean(axis=0), _TRAIN.std(axis=0)


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


class DCNOneHot:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.tables = [rng.normal(0.0, 0.5, (N_SLOT, EMB)), rng.normal(0.0, 0.5, (N_DEVICE, EMB))]
        self.cross_w = [rng.normal(0.0, 0.3, D) for _ in range(N_CROSS)]
        self.cross_b = [rng.normal(0.0, 0.1, D) for _ in range(N_CROSS)]
        self.deep = {"W_deep": rng.normal(0.0, 0.4, (D, HIDDEN)), "b_deep": np.zeros(HIDDEN)}
        self.head = {"W_head": rng.normal(0.0, 0.3, (D + HIDDEN, 1)), "b_head": np.zeros(1)}

    def forward(self, X):
        dt = self.deep["W_deep"].dtype
        onehots = [np.eye(N_SLOT, dtype=dt)[X[:, 0].astype(int)], np.eye(N_DEVICE, dtype=dt)[X[:, 1].astype(int)]]
        num = ((X[:, 2:] - MEAN) / STD).astype(dt)
        x0 = np.hstack([oh @ T for oh, T in zip(onehots, self.tables)] + [num])
        cache = {"onehots": onehots, "x0": x0, "xs": [], "s": []}
        x = x0
        for w, b in zip(self.cross_w, self.cross_b):
            s = np.einsum("nd,d->n", x, w)
            cache["xs"].append(x)
            cache["s"].append(s)
            x = np.einsum("nd,n->nd", x0, s) + b + x
        cache["z1"] = x0 @ self.deep["W_deep"] + self.deep["b_deep"]
        cache["f"] = np.hstack([x, np.where(cache["z1"] > 0, cache["z1"], 0.0)])
        return cache["f"] @ self.head["W_head"] + self.head["b_head"], cache

    def train_step(self, X, y):
        z, c = self.forward(X)
        y = y.astype(z.dtype)
        n = len(X)
        loss = -np.mean(POS_W * y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
        sig = np.exp(log_sigmoid(z))
        dz = (POS_W * y * (sig - 1.0) + (1.0 - y) * sig) / n

        gW_head, gb_head = c["f"].T @ dz, dz.sum(axis=0)
        df = dz @ self.head["W_head"].T
        dx = df[:, :D]
        dz1 = np.where(c["z1"] > 0, df[:, D:], 0.0)
        gW_deep, gb_deep = c["x0"].T @ dz1, dz1.sum(axis=0)
        dx0 = dz1 @ self.deep["W_deep"].T
        gcross = [None] * N_CROSS
        for l in range(N_CROSS - 1, -1, -1):
            ds = np.einsum("nd,nd->n", dx, c["x0"])
            gcross[l] = {"w": np.einsum("nd,n->d", c["xs"][l], ds), "b": dx.sum(axis=0)}
            dx0 = dx0 + np.einsum("nd,n->nd", dx, c["s"][l])
            dx = dx + np.outer(ds, self.cross_w[l])
        dx0 = dx0 + dx
        gtables = [c["onehots"][0].T @ dx0[:, :EMB], c["onehots"][1].T @ dx0[:, EMB:2 * EMB]]

        for T, gT in zip(self.tables, gtables):
            T -= LR * gT
        for l, gl in enumerate(gcross):
            self.cross_w[l] -= LR * gl["w"]
            self.cross_b[l] -= LR * gl["b"]
        self.deep["W_deep"] -= LR * gW_deep
        self.deep["b_deep"] -= LR * gb_deep
        self.head["W_head"] -= LR * gW_head
        self.head["b_head"] -= LR * gb_head
        return float(loss)
