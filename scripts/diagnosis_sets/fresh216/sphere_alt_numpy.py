"""SphereFace in NumPy, written another way: cos(m theta) taken through the angle
(np.cos(m * arccos(c)), derivative m sin(m theta) / sin(theta)), the sign (-1)^k from the
parity of k, layers kept (in, out) as separate attributes, the PReLU written as
max(z, 0) + a min(z, 0), the learning rate of every update precomputed, updates in place.
Same model, loss, annealing and optimizer as sphere_numpy.py.
"""

import math

import numpy as np


class SphereFaceAlt:
    def __init__(self, n_in=8, hidden=20, embed=6, classes=6, s=6.0, m=4,
                 lam_max=20.0, lam_min=2.0, gamma=0.1, lr=0.05, momentum=0.9, seed=2,
                 max_updates=1000):
        rng = np.random.default_rng(seed)
        self.W_in = rng.normal(0, 1 / math.sqrt(n_in), (hidden, n_in)).T.copy()
        self.b_in = np.full(hidden, 0.01)
        self.W_emb = rng.normal(0, 1 / math.sqrt(hidden), (embed, hidden)).T.copy()
        self.b_emb = np.zeros(embed)
        self.slope = np.array([0.25])
        self.centres = rng.normal(0, 1, (classes, embed))
        self.s, self.m = s, m
        self.lam_max, self.lam_min, self.gamma = lam_max, lam_min, gamma
        self.forwards = 0
        self.lrs = [lr * 0.5 ** (t // 8) for t in range(max_updates)]
        self.mu = momentum
        self.names = ["W_in", "b_in", "slope", "W_emb", "b_emb", "centres"]
        self.buf = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.updates = 0

    def _run(self, X, y, lam):
        z = X @ self.W_in + self.b_in
        h = np.maximum(z, 0) + self.slope * np.minimum(z, 0)
        e = h @ self.W_emb + self.b_emb
        e_len = np.linalg.norm(e, axis=1, keepdims=True)
        c_len = np.linalg.norm(self.centres, axis=1, keepdims=True)
        en, cn = e / e_len, self.centres / c_len
        cos = en @ cn.T
        rows = np.arange(len(y))
        ct = cos[rows, y]
        theta = np.arccos(np.clip(ct, -1.0, 1.0))
        k = np.floor(self.m * theta / math.pi)
        sign = np.where(k % 2 == 1, -1.0, 1.0)
        psi = sign * np.cos(self.m * theta) - 2 * k
        logits = self.s * cos
        logits[rows, y] = self.s * (lam * ct + psi) / (1 + lam)
        dpsi = sign * self.m * np.sin(self.m * theta) / np.sin(theta)
        return logits, (z, h, e_len, c_len, en, cn, dpsi)

    def loss(self, X, y):
        lam = max(self.lam_min, self.lam_max / (1 + self.gamma * (self.forwards + 1)))
        logits = self._run(X, y, lam)[0]
        logits = logits - logits.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(logits).sum(axis=1)) - logits[np.arange(len(y)), y]))

    def train_step(self, X, y):
        self.forwards += 1
        lam = max(self.lam_min, self.lam_max / (1 + self.gamma * self.forwards))
        logits, (z, h, e_len, c_len, en, cn, dpsi) = self._run(X, y, lam)
        N = len(y)
        rows = np.arange(N)
        logits = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(logits).sum(axis=1))
        loss = np.mean(lse - logits[rows, y])

        dcos = np.exp(logits - lse[:, None])
        dcos[rows, y] -= 1.0
        dcos *= self.s / N
        dcos[rows, y] *= (lam + dpsi) / (1 + lam)
        den = dcos @ cn
        dcn = dcos.T @ en
        de = (den - en * np.sum(den * en, axis=1, keepdims=True)) / e_len
        dC = (dcn - cn * np.sum(dcn * cn, axis=1, keepdims=True)) / c_len
        dh = de @ self.W_emb.T
        neg = np.minimum(z, 0)
        dz = dh * np.where(z > 0, 1.0, self.slope)
        grads = {"W_in": X.T @ dz, "b_in": dz.sum(0), "slope": np.sum(dh * neg, keepdims=True).reshape(1),
                 "W_emb": h.T @ de, "b_emb": de.sum(0), "centres": dC}
        self.grads = grads

        lr = self.lrs[self.updates]
        for k in self.names:
            b = self.buf[k]
            b *= self.mu
            b += grads[k]
            getattr(self, k)[...] -= lr * b
        self.updates += 1
        return float(loss)
