"""Same siamese contrastive network, written differently: weights kept (out, in), both halves
stacked into one batch through the tower with einsum, in-place momentum updates."""

import numpy as np


class SiameseEinsum:
    def __init__(self):
        rng = np.random.default_rng(5)
        self.W1 = rng.standard_normal((16, 6)) * 0.4
        self.b1 = np.zeros(16)
        self.W2 = rng.standard_normal((8, 16)) * 0.3
        self.b2 = np.zeros(8)
        self.names = ["W1", "b1", "W2", "b2"]
        self.vel = [np.zeros_like(getattr(self, k)) for k in self.names]
        self.lr, self.mu, self.margin = 0.05, 0.9, 2.0

    def _embed(self, xs):
        # xs: (2, n, 6) -> h (2, n, 16), e (2, n, 8)
        h = np.tanh(np.einsum("pni,hi->pnh", xs, self.W1) + self.b1)
        e = np.einsum("pnh,oh->pno", h, self.W2) + self.b2
        return h, e

    def loss(self, X, y):
        xs = np.stack([X[:, :6], X[:, 6:]])
        _, e = self._embed(xs)
        sq = np.einsum("no,no->n", e[0] - e[1], e[0] - e[1])
        d = np.sqrt(sq + 1e-8)
        return np.mean(y * (sq + 1e-8) + (1 - y) * np.clip(self.margin - d, 0, None) ** 2) / 2

    def train_step(self, X, y):
        n = len(y)
        xs = np.stack([X[:, :6], X[:, 6:]])
        h, e = self._embed(xs)
        diff = e[0] - e[1]
        sq = np.einsum("no,no->n", diff, diff)
        d = np.sqrt(sq + 1e-8)
        active = d < self.margin
        loss = np.mean(y * d * d + (1 - y) * np.where(active, self.margin - d, 0.0) ** 2) / 2
        # similar pairs: d(d^2/2)/d diff = diff; dissimilar: -(m - d) * diff / d where active
        coef = y * 1.0 / n + (1 - y) * np.where(active, -(self.margin - d) / d, 0.0) / n
        de = np.stack([coef[:, None] * diff, -coef[:, None] * diff])
        gW2 = np.einsum("pno,pnh->oh", de, h)
        gb2 = de.sum(axis=(0, 1))
        dz = np.einsum("pno,oh->pnh", de, self.W2) * (1 - h * h)
        gW1 = np.einsum("pnh,pni->hi", dz, xs)
        gb1 = dz.sum(axis=(0, 1))
        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}
        for k, v in zip(self.names, self.vel):
            v *= self.mu
            v += self.grads[k]
            getattr(self, k)[...] -= self.lr * v
        return loss
