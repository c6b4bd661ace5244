"""NT-Xent encoder in NumPy, written another way (fresh167 correct variant).

Each view is encoded by its own call of the shared encoder, the similarity and its gradient
by einsum, the diagonal masked with np.where, the gradients of the two views summed, and Adam
written in place with torch's form of the bias correction (step lr / bc1, denominator
sqrt(v) / sqrt(bc2) + eps). Same model as ntx_numpy.py.
"""

import math

import numpy as np


class NTXentAlt:
    def __init__(self, n_in=6, hidden=16, n_emb=8, tau=0.25, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in),
            "b1": 0.05 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_emb)) / math.sqrt(hidden),
            "b2": 0.05 * rng.standard_normal(n_emb),
        }
        self.state = {k: {"m": np.zeros_like(v), "v": np.zeros_like(v)} for k, v in self.params.items()}
        self.step_count = 0
        self.grads = {}
        self.tau, self.lr, self.betas, self.eps = tau, lr, betas, eps

    def _encode(self, x):
        p = self.params
        pre = np.einsum("nd,dh->nh", x, p["W1"]) + p["b1"]
        h = np.where(pre > 0, pre, 0)
        u = np.einsum("nh,he->ne", h, p["W2"]) + p["b2"]
        norm = np.sqrt(np.einsum("ne,ne->n", u, u))[:, None]
        return u / norm, (x, pre, h, norm)

    def _encode_backward(self, dz, z, cache, grads):
        x, pre, h, norm = cache
        du = (dz - z * np.einsum("ne,ne->n", z, dz)[:, None]) / norm
        grads["W2"] += np.einsum("nh,ne->he", h, du)
        grads["b2"] += du.sum(axis=0)
        dpre = np.einsum("ne,he->nh", du, self.params["W2"]) * (pre > 0)
        grads["W1"] += np.einsum("nd,nh->dh", x, dpre)
        grads["b1"] += dpre.sum(axis=0)

    def _loss(self, X, y):
        n = X.shape[0]
        z1, c1 = self._encode(X[:, 0])
        z2, c2 = self._encode(X[:, 1])
        z = np.concatenate([z1, z2])
        logits = np.einsum("ie,je->ij", z, z) / self.tau
        logits = np.where(np.eye(2 * n, dtype=bool), -np.inf, logits)
        pos = np.concatenate([y + n, y])
        mx = logits.max(axis=1)
        lse = mx + np.log(np.exp(logits - mx[:, None]).sum(axis=1))
        loss = np.mean(lse - logits[np.arange(2 * n), pos])
        return loss, (z1, z2, c1, c2, z, logits, lse, pos)

    def loss(self, X, y):
        return self._loss(X, y)[0]

    def train_step(self, X, y):
        loss, (z1, z2, c1, c2, z, logits, lse, pos) = self._loss(X, y)
        n = X.shape[0]
        g = np.exp(logits - lse[:, None])
        g[np.arange(2 * n), pos] -= 1.0
        g /= 2 * n
        dz = np.einsum("ij,je->ie", g, z) + np.einsum("ji,je->ie", g, z)
        dz /= self.tau
        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self._encode_backward(dz[:n], z1, c1, grads)
        self._encode_backward(dz[n:], z2, c2, grads)
        self.grads = grads

        self.step_count += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.step_count
        bc2 = 1 - b2 ** self.step_count
        for k, w in self.params.items():
            st = self.state[k]
            st["m"] *= b1
            st["m"] += (1 - b1) * grads[k]
            st["v"] *= b2
            st["v"] += (1 - b2) * grads[k] ** 2
            denom = np.sqrt(st["v"]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * st["m"] / denom
        return float(loss)
