"""NCE, NumPy, written another way: data and noise stacked into one batch with labels and
per-row weights 1/N, the softplus derivative written from its output (sigmoid(z) = 1 - exp(-h)),
W1 kept (hidden, in), Adam moments in a dict updated in place."""
import math

import numpy as np


class NCEStacked:
    def __init__(self, n_in=4, hidden=24, lr=1e-2, seed=1):
        rng = np.random.RandomState(seed)
        self.W1 = (rng.randn(n_in, hidden) * 0.5).T.copy()
        self.b1 = rng.randn(hidden) * 0.1
        self.W2 = rng.randn(hidden, 1) * 0.3
        self.c = np.zeros(1)
        self.lr = lr
        self.opt = {n: [np.zeros_like(getattr(self, n)), np.zeros_like(getattr(self, n))]
                    for n in ("W1", "b1", "W2", "c")}
        self.k = 0

    def _logits(self, Z):
        pre = Z @ self.W1.T + self.b1
        h = np.maximum(pre, 0.0) + np.log1p(np.exp(-np.abs(pre)))
        E = h @ self.W2[:, 0]
        logq = -0.125 * np.sum(Z * Z, axis=1) - Z.shape[1] * (math.log(2.0) + 0.5 * math.log(2 * math.pi))
        return h, self.c[0] - E - logq

    def loss(self, X, y):
        Z = np.concatenate([X, y])
        lab = np.concatenate([np.ones(len(X), X.dtype), np.zeros(len(y), X.dtype)])
        wt = np.concatenate([np.full(len(X), 1.0 / len(X), X.dtype), np.full(len(y), 1.0 / len(y), X.dtype)])
        _, G = self._logits(Z)
        return float(np.sum(wt * (np.logaddexp(0.0, G) - lab * G)))

    def train_step(self, X, y):
        Z = np.concatenate([X, y])
        lab = np.concatenate([np.ones(len(X), X.dtype), np.zeros(len(y), X.dtype)])
        wt = np.concatenate([np.full(len(X), 1.0 / len(X), X.dtype), np.full(len(y), 1.0 / len(y), X.dtype)])
        h, G = self._logits(Z)
        loss = np.sum(wt * (np.logaddexp(0.0, G) - lab * G))
        p = 1.0 / (1.0 + np.exp(-G))
        dG = wt * (p - lab)
        dE = -dG
        gW2 = h.T @ dE[:, None]
        dpre = np.outer(dE, self.W2[:, 0]) * (1.0 - np.exp(-h))
        grads = {"W1": dpre.T @ Z, "b1": dpre.sum(0), "W2": gW2, "c": np.array([dG.sum()], X.dtype)}
        self.k += 1
        for n, g in grads.items():
            m, v = self.opt[n]
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g ** 2
            prm = getattr(self, n)
            prm -= self.lr * (m / (1.0 - 0.9 ** self.k)) / (np.sqrt(v / (1.0 - 0.999 ** self.k)) + 1e-8)
        return float(loss)
