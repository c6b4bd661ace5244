"""Padded-sequence classifier in NumPy built to mirror torch.nn.MultiheadAttention: one packed
input projection W_in (D, 3D) with bias b_in, its columns [queries | keys | values], two heads
of width 4, the padding keys excluded from the softmax (set to -inf), the heads concatenated and
sent through W_out (+ b_out), a residual connection, the mean over the real tokens and a linear
classifier. Mean cross-entropy, heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: int (n, 5) token ids, 0 = padding; y: one-hot (n, 3)
"""

import numpy as np

VOCAB, T, D, H, C, PAD = 10, 5, 8, 2, 3, 0
DH = D // H


class PaddedMHA:
    def __init__(self, lr=0.1, mu=0.9, seed=2):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(D)
        self.params = {
            "E": rng.normal(0.0, 1.0, (VOCAB, D)),
            "P": rng.normal(0.0, 0.3, (T, D)),
            "W_in": rng.normal(0.0, s, (D, 3 * D)),
            "b_in": np.zeros(3 * D),
            "W_out": rng.normal(0.0, s, (D, D)),
            "b_out": np.zeros(D),
            "Wc": rng.normal(0.0, s, (D, C)),
            "bc": np.zeros(C),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        n = len(X)
        self.keep = X != PAD
        self.w = self.keep.astype(p["E"].dtype)
        self.count = self.w.sum(axis=1, keepdims=True)
        self.x = p["E"][X] + p["P"]
        qkv = self.x @ p["W_in"] + p["b_in"]                                   # (n, T, 3D)
        qkv = qkv.reshape(n, T, 3, H, DH).transpose(2, 0, 3, 1, 4)               # (3, n, H, T, DH)
        self.q, self.k, self.v = qkv[0], qkv[1], qkv[2]
        S = np.einsum("nhtd,nhsd->nhts", self.q, self.k) / DH ** 0.5
        S = np.where(self.keep[:, None, None, :], S, -np.inf)
        S = S - S.max(axis=-1, keepdims=True)
        e = np.exp(S)
        self.A = e / e.sum(axis=-1, keepdims=True)
        self.cat = np.einsum("nhts,nhsd->nthd", self.A, self.v).reshape(n, T, D)
        self.h = self.x + self.cat @ p["W_out"] + p["b_out"]
        self.pooled = (self.h * self.w[:, :, None]).sum(axis=1) / self.count
        return self.pooled @ p["Wc"] + p["bc"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = self.forward(X)
        log_p = z - z.max(axis=1, keepdims=True)
        log_p = log_p - np.log(np.exp(log_p).sum(axis=1, keepdims=True))
        loss = -np.mean(np.sum(y * log_p, axis=1))

        dz = (np.exp(log_p) - y) / n
        g = {"Wc": self.pooled.T @ dz, "bc": dz.sum(axis=0)}
        dh = (dz @ p["Wc"].T)[:, None, :] * (self.w / self.count)[:, :, None]
        g["W_out"] = np.einsum("ntd,nte->de", self.cat, dh)
        g["b_out"] = dh.sum(axis=(0, 1))
        dcat = (dh @ p["W_out"].T).reshape(n, T, H, DH)
        dA = np.einsum("nthd,nhsd->nhts", dcat, self.v)
        dv = np.einsum("nhts,nthd->nhsd", self.A, dcat)
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True)) / DH ** 0.5
        dq = np.einsum("nhts,nhsd->nhtd", dS, self.k)
        dk = np.einsum("nhts,nhtd->nhsd", dS, self.q)
        dqkv = np.stack([dq, dk, dv]).transpose(1, 3, 0, 2, 4).reshape(n, T, 3 * D)
        g["W_in"] = np.einsum("ntd,nte->de", self.x, dqkv)
        g["b_in"] = dqkv.sum(axis=(0, 1))
        dx = dh + dqkv @ p["W_in"].T
        g["P"] = dx.sum(axis=0)
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, dx)
        self.grads = g

        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
