"""ArcFace in NumPy, written another way: the angle itself (theta = arccos(cos), target
logit cos(theta + m), d/dcos = sin(theta + m) / sin(theta)), einsum contractions, the class
weights kept as attributes with the head transposed (embed, classes), and the momentum
buffers updated in place. Same model, loss and optimizer as arc_numpy.py.
"""

import math

import numpy as np


class ArcFaceAlt:
    def __init__(self, n_in=12, hidden=32, embed=8, classes=5, s=10.0, m=0.3,
                 lr=0.1, momentum=0.9, weight_decay=5e-4, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in)
        self.b1 = np.zeros(hidden)
        self.W2 = rng.standard_normal((hidden, embed)) / math.sqrt(hidden)
        self.b2 = rng.standard_normal(embed) * 0.01
        self.Wt = rng.standard_normal((embed, classes))      # column j: identity j
        self.names = ("W1", "b1", "W2", "b2", "Wt")
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.s, self.m = s, m
        self.th = math.cos(math.pi - m)
        self.mm = math.sin(math.pi - m) * m
        self.lr, self.mu, self.wd = lr, momentum, weight_decay

    def _logits(self, X, y):
        z1 = np.einsum("ni,ih->nh", X, self.W1) + self.b1
        h = np.maximum(z1, 0.0)
        e = np.einsum("nh,he->ne", h, self.W2) + self.b2
        e_len = np.linalg.norm(e, axis=1)
        w_len = np.linalg.norm(self.Wt, axis=0)
        en = e / e_len[:, None]
        wn = self.Wt / w_len[None, :]
        cos = np.einsum("ne,ec->nc", en, wn)
        rows = np.arange(len(y))
        c_t = cos[rows, y]
        theta = np.arccos(np.clip(c_t, -1.0, 1.0))
        easy = c_t > self.th
        target = np.where(easy, np.cos(theta + self.m), c_t - self.mm)
        logits = self.s * cos
        logits[rows, y] = self.s * target
        return logits, (z1, h, e_len, w_len, en, wn, theta, easy)

    def loss(self, X, y):
        logits = self._logits(X, y)[0]
        logits = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(logits).sum(axis=1))
        return float(np.mean(lse - logits[np.arange(len(y)), y]))

    def train_step(self, X, y):
        logits, (z1, h, e_len, w_len, en, wn, theta, easy) = self._logits(X, y)
        N = len(y)
        rows = np.arange(N)
        shifted = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        loss = np.mean(lse - shifted[rows, y])

        g = np.exp(shifted - lse[:, None])
        g[rows, y] -= 1.0
        g *= self.s / N                                     # d loss / d (logit / s)
        slope = np.where(easy, np.sin(theta + self.m) / np.sin(theta), 1.0)
        g[rows, y] *= slope                                 # now d loss / d cos

        den = np.einsum("nc,ec->ne", g, wn)
        dwn = np.einsum("ne,nc->ec", en, g)
        de = (den - en * np.einsum("ne,ne->n", den, en)[:, None]) / e_len[:, None]
        dWt = (dwn - wn * np.einsum("ec,ec->c", dwn, wn)[None, :]) / w_len[None, :]
        dz1 = np.einsum("ne,he->nh", de, self.W2) * (z1 > 0)
        grads = {"W1": np.einsum("ni,nh->ih", X, dz1), "b1": dz1.sum(axis=0),
                 "W2": np.einsum("nh,ne->he", h, de), "b2": de.sum(axis=0), "Wt": dWt}
        self.grads = grads

        for k in self.names:
            p, v = getattr(self, k), self.velocity[k]
            v *= self.mu
            v += grads[k]
            v += self.wd * p
            p -= self.lr * v
        return float(loss)
