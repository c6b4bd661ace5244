"""Another NumPy quantile regressor computing what quant_numpy.py computes.

Weights kept (in, out) in lists self.W / self.b, forward and backward with einsum, the pinball
gradient from np.where on the residual's sign, and AdamW written with in-place updates
(decoupled decay on the weights only). Moments in self.m_W, self.v_W, self.m_b, self.v_b.
"""

import numpy as np

TAUS = np.array([0.1, 0.5, 0.9])


class QuantileNet:
    def __init__(self, sizes=(4, 16, 16, 3), lr=5e-3, wd=1e-2, clip=0.3, seed=1):
        rng = np.random.default_rng(seed)
        self.W = [rng.standard_normal((a, b)) * np.sqrt(1.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.taus = TAUS.copy()
        self.m_W = [np.zeros_like(w) for w in self.W]
        self.v_W = [np.zeros_like(w) for w in self.W]
        self.m_b = [np.zeros_like(b) for b in self.b]
        self.v_b = [np.zeros_like(b) for b in self.b]
        self.lr, self.wd, self.clip = lr, wd, clip
        self.b1, self.b2, self.eps = 0.9, 0.999, 1e-8
        self.n = 0

    def _forward(self, X):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = np.einsum("ni,io->no", acts[-1], W) + b
            acts.append(np.maximum(z, 0) if i < len(self.W) - 1 else z)
        return acts

    def loss(self, X, y):
        pred = self._forward(X)[-1]
        e = y[:, None] - pred
        return np.mean(np.where(e >= 0, self.taus * e, (self.taus - 1) * e))

    def train_step(self, X, y):
        acts = self._forward(X)
        pred = acts[-1]
        e = y[:, None] - pred
        loss = np.mean(np.where(e >= 0, self.taus * e, (self.taus - 1) * e))

        d = -np.where(e > 0, self.taus, self.taus - 1) / e.size
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        for i in range(len(self.W) - 1, -1, -1):
            gW[i] = np.einsum("ni,no->io", acts[i], d)
            gb[i] = d.sum(0)
            if i:
                d = np.einsum("no,io->ni", d, self.W[i]) * (acts[i] > 0)

        norm = np.sqrt(sum((g ** 2).sum() for g in gW + gb))
        scale = self.clip / (norm + 1e-6)
        if scale < 1:
            for g in gW + gb:
                g *= scale

        self.n += 1
        c1 = 1 - self.b1 ** self.n
        c2 = 1 - self.b2 ** self.n
        for params, grads, ms, vs, decay in ((self.W, gW, self.m_W, self.v_W, True),
                                             (self.b, gb, self.m_b, self.v_b, False)):
            for p, g, m, v in zip(params, grads, ms, vs):
                if decay:
                    p -= self.lr * self.wd * p
                m *= self.b1
                m += (1 - self.b1) * g
                v *= self.b2
                v += (1 - self.b2) * g * g
                p -= (self.lr / c1) * m / (np.sqrt(v / c2) + self.eps)
        return loss
