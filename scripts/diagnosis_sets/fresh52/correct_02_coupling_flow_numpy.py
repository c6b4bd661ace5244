"""A seeded-mask RealNVP-style affine coupling layer followed by an element-wise affine layer, in NumPy:
with the fixed binary mask m, h = tanh((x m) W1 + b1), s = h Ws + bs, t = h Wt + bt,
y = x m + (1 - m) (x - t) exp(-s), z = (y - mu) exp(-log_s),
log|det dz/dx| = -sum((1 - m) s) - sum(log_s), standard normal base, NLL averaged over the rows,
hand-written backward pass, gradient descent.

    X: (n, 2) data, y ignored
"""

import numpy as np

LR = 0.05
MASK = np.random.default_rng(3).permutation(np.array([1.0, 0.0]))   # a seeded mask (which half passes through)


class SeededCoupling:
    def __init__(self, dim=2, hidden=8, seed=4):
        rng = np.random.default_rng(seed)
        self.m = MASK.copy()
        self.W1 = rng.normal(0.0, 0.7, (dim, hidden))
        self.b1 = np.zeros(hidden)
        self.Ws = rng.normal(0.0, 0.3, (hidden, dim))
        self.bs = np.zeros(dim)
        self.Wt = rng.normal(0.0, 0.3, (hidden, dim))
        self.bt = np.zeros(dim)
        self.mu = np.zeros(dim)
        self.log_s = np.zeros(dim)

    def train_step(self, X, y=None):
        n, d = X.shape
        m = self.m
        xm = X * m
        h = np.tanh(xm @ self.W1 + self.b1)
        s = h @ self.Ws + self.bs
        t = h @ self.Wt + self.bt
        zt = (X - t) * np.exp(-s)
        y1 = xm + (1 - m) * zt
        z = (y1 - self.mu) * np.exp(-self.log_s)
        log_det = -((1 - m) * s).sum(axis=1) - self.log_s.sum()
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * d * np.log(2 * np.pi)
        loss = -(log_pz + log_det).mean()

        gz = z / n
        d_mu = -(gz * np.exp(-self.log_s)).sum(axis=0)
        d_log_s = -(gz * z).sum(axis=0) + 1.0
        g1 = gz * np.exp(-self.log_s)               # dL/dy
        gs = (1 - m) * (-g1 * zt) + (1 - m) / n
        gt = -(1 - m) * g1 * np.exp(-s)
        dh = gs @ self.Ws.T + gt @ self.Wt.T
        da = dh * (1 - h ** 2)
        grads = {"W1": xm.T @ da, "b1": da.sum(axis=0), "Ws": h.T @ gs, "bs": gs.sum(axis=0),
                 "Wt": h.T @ gt, "bt": gt.sum(axis=0), "mu": d_mu, "log_s": d_log_s}
        self.grads = grads
        for k, v in grads.items():
            setattr(self, k, getattr(self, k) - LR * v)
        return float(loss)
