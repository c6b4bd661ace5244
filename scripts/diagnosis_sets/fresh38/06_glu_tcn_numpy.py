"""Many-to-many gated convolutional sequence model in NumPy (Dauphin et al.'s gated linear unit
over a causal convolution): a kernel of width 2 over time, padded on the left so that the output
at step t sees x_{t-1} and x_t only, 2C = 8 channels split into a value half and a gate half,
h = value * sigmoid(gate) (F.glu's convention), and a per-step linear readout. Every step is
scored: the squared errors summed over the 6 time steps and averaged over the sequences.
Plain gradient descent.

    X: (n, 6, 3), y: (n, 6)
"""

import numpy as np

D, C, K = 3, 4, 2


class GluTCN:
    def __init__(self, lr=0.05, seed=6):
        rng = np.random.default_rng(seed)
        self.Wc = rng.normal(0.0, 0.4, (2 * C, D, K))   # torch's Conv1d layout (out, in, k)
        self.bc = np.zeros(2 * C)
        self.Wy = rng.normal(0.0, 0.5, (1, C))
        self.by = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        n, T, _ = X.shape
        xp = np.concatenate([np.zeros((n, K - 1, D), dtype=X.dtype), X], axis=1)
        self.win = np.stack([xp[:, k:k + T] for k in range(K)], axis=-1)          # (n, T, D, K)
        z = np.einsum("ntdk,odk->nto", self.win, self.Wc) + self.bc
        self.a, self.s = z[..., :C], 1.0 / (1.0 + np.exp(-z[..., C:]))
        self.h = self.a * self.s
        return (self.h @ self.Wy.T + self.by)[..., 0]                             # (n, T)

    def loss(self, X, y):
        return float(np.sum((self.forward(X) - y) ** 2) / X.shape[0])

    def train_step(self, X, y):
        pred = self.forward(X)
        loss = np.sum((pred - y) ** 2) / X.shape[0]
        dpred = (2.0 * (pred - y) / X.shape[0])[..., None]                       # (n, T, 1)
        gWy = np.einsum("nto,ntc->oc", dpred, self.h)
        gby = dpred.sum(axis=(0, 1))
        dh = dpred @ self.Wy
        dz = np.concatenate([dh * self.s, dh * self.a * self.s * (1.0 - self.s)], axis=-1)
        gWc = np.einsum("nto,ntdk->odk", dz, self.win)
        gbc = dz.sum(axis=(0, 1))
        self.grads = {"Wc": gWc, "bc": gbc, "Wy": gWy, "by": gby}
        self.Wc -= self.lr * gWc
        self.bc -= self.lr * gbc
        self.Wy -= self.lr * gWy
        self.by -= self.lr * gby
        return float(loss)
