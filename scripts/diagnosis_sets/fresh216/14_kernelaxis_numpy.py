"""CosFace (large margin cosine loss) from scratch in NumPy.

    x (N, 10) -> h = tanh(x @ W1 + b1) (N, 24) -> e = h @ W2 (N, 8), no bias
    the class kernel K is kept (embed, classes), Keras style, each COLUMN one identity:
    cos = (e / |e|) @ (K / |K|_col)              (N, 4)
    logits = s * (cos - m * onehot),  s = 8, m = 0.25; softmax cross-entropy, mean over the batch.

Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8), bias-corrected as torch.optim.Adam.
"""

import math

import numpy as np


class CosFaceNet:
    def __init__(self, n_in=10, hidden=24, embed=8, classes=4, s=8.0, m=0.25,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (n_in, hidden)) / math.sqrt(n_in)
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-1, 1, (hidden, embed)) / math.sqrt(hidden)
        self.K = rng.standard_normal((embed, classes)) * 0.1
        self.names = ["W1", "b1", "W2", "K"]
        self.s, self.margin = s, m
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.grads = {}

    def _forward(self, X, y):
        a = X @ self.W1 + self.b1
        h = np.tanh(a)
        e = h @ self.W2
        e_len = np.linalg.norm(e, axis=1, keepdims=True)       # (N, 1)
        k_len = np.linalg.norm(self.K, axis=0, keepdims=True)  # (1, C)
        u = e / e_len
        kn = self.K / k_len
        cos = u @ kn
        onehot = np.zeros_like(cos)
        onehot[np.arange(len(y)), y] = 1.0
        logits = self.s * (cos - self.margin * onehot)
        return logits, onehot, (a, h, e_len, k_len, u, kn)

    def loss(self, X, y):
        logits, onehot, _ = self._forward(X, y)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -(onehot * logp).sum() / len(y)

    def train_step(self, X, y):
        N = len(y)
        logits, onehot, (a, h, e_len, k_len, u, kn) = self._forward(X, y)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(onehot * logp).sum() / N

        # backward
        dcos = self.s * (np.exp(logp) - onehot) / N              # (N, C)
        du = dcos @ kn.T                                          # (N, E)
        dkn = u.T @ dcos                                          # (E, C)
        de = (du - u * np.sum(du * u, axis=1, keepdims=True)) / e_len
        dK = (dkn - kn * np.sum(dkn * kn, axis=1, keepdims=True)) / k_len
        dW2 = h.T @ de
        da = (de @ self.W2.T) * (1.0 - h ** 2)
        dW1 = X.T @ da
        db1 = da.sum(axis=0)
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "K": dK}

        # Adam
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k in self.names:
            p, g = getattr(self, k), self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
