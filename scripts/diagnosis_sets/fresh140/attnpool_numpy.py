"""Attention pooling over padded sets, a softmax classifier on top; NumPy, hand-written backward, Adam.

    x_t, m_t = X[:, t, :-1], X[:, t, -1]           items and their validity flag (1 real, 0 padding)
    h_t   = tanh(x_t @ Wv + bv)                     (N, T, H) item encodings
    s_t   = (h_t . q) / sqrt(H)                     score against a learned query q
    a     = softmax over the real items of s        padded items get weight 0
    pool  = sum_t a_t h_t                           (N, H)
    logits = pool @ Wo + bo                         (N, K)
    loss  = mean cross-entropy

Parameters (self.params): Wv (D, H), bv (H,), q (H,), Wo (H, K), bo (K,).
Optimizer: Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8), state self.m, self.v, step count self.t.
"""

import math

import numpy as np


class AttnPool:
    def __init__(self, n_in=6, hidden=10, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "Wv": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "bv": 0.1 * rng.standard_normal(hidden),
            "q": rng.standard_normal(hidden),
            "Wo": rng.standard_normal((hidden, n_out)) / math.sqrt(hidden),
            "bo": np.zeros(n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.scale = 1.0 / math.sqrt(hidden)
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.t = 0

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["Wv"].dtype)
        x, mask = X[:, :, :-1], X[:, :, -1] > 0.5
        h = np.tanh(x @ p["Wv"] + p["bv"])                      # (N, T, H)
        s = (h @ p["q"]) * self.scale                           # (N, T)
        s = np.where(mask, s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        e = np.where(mask, np.exp(s), 0.0)
        a = e / e.sum(axis=1, keepdims=True)                    # attention weights
        pool = np.einsum("nt,nth->nh", a, h)
        logits = pool @ p["Wo"] + p["bo"]
        return logits, (x, h, a, pool)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits = self.forward(X)
        probs = self._softmax(logits)
        n = logits.shape[0]
        return -np.mean(np.log(probs[np.arange(n), y]))

    def backward(self, X, y):
        p = self.params
        logits, (x, h, a, pool) = self._forward(X)
        n = logits.shape[0]
        probs = self._softmax(logits)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1
        dlogits /= n
        self.grads["Wo"] = pool.T @ dlogits
        self.grads["bo"] = dlogits.sum(axis=0)
        dpool = dlogits @ p["Wo"].T                             # (N, H)

        dh = a[:, :, None] * dpool[:, None, :]                  # through the weighted sum
        da = np.einsum("nth,nh->nt", h, dpool)
        ds = a * (da - (a * da).sum(axis=1, keepdims=True))     # through the softmax
        self.grads["q"] = self.scale * np.einsum("nt,nth->h", ds, h)
        dh += self.scale * ds[:, :, None] * p["q"]
        dz = dh * (1 - h ** 2)
        self.grads["Wv"] = np.einsum("ntd,nth->dh", x, dz)
        self.grads["bv"] = dz.sum(axis=(0, 1))
        return loss

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "attnpool.npz"))
    net = AttnPool()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
