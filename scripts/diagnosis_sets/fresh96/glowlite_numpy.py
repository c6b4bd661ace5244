"""A small Glow-like flow on 6-D data in NumPy: an invertible linear layer then one affine coupling.

u = x A with A a learned (6, 6) matrix (log-determinant log|det A| for every row, from
np.linalg.slogdet); u1 = u[:, :3] passes, u2 = u[:, 3:] becomes u2 * exp(s) + t, with
h = relu(u1 W1 + b1), s = scale * tanh(h Ws + bs) (a learned per-feature scale on s) and
t = h Wt + bt. The loss is in bits per dimension: the standard-normal negative log-likelihood
0.5 |z|^2 + 3 log(2 pi) - log|det A| - sum(s), averaged over the batch and divided by D ln 2.
The backward is by hand (d log|det A| / dA = inv(A)^T). SGD with heavy-ball momentum and an L2
weight decay (added to the gradient, as torch) on the weight matrices only (A, W1, Ws, Wt; not the
biases nor the scale), the learning rate halved every STEP_SIZE updates (as StepLR).

    X: float (n, 6) the data, y: unused
"""

import math

import numpy as np

D, HALF, HIDDEN = 6, 3, 16
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 5e-3, 5, 0.5
LOG2PI, LN2 = math.log(2.0 * math.pi), math.log(2.0)
DECAYED = ("A", "W1", "Ws", "Wt")


def bits_per_dim(z, logdet):
    nll = 0.5 * np.sum(z ** 2, axis=1) + 0.5 * D * LOG2PI - logdet
    return np.mean(nll) / (D * LN2)


class GlowLite:
    def __init__(self, seed=96):
        rng = np.random.default_rng(seed)
        self.params = {
            "A": np.eye(D) + rng.normal(0.0, 0.2, (D, D)),
            "W1": rng.normal(0.0, 0.4, (HALF, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "Ws": rng.normal(0.0, 0.2, (HIDDEN, HALF)),
            "bs": np.zeros(HALF),
            "Wt": rng.normal(0.0, 0.2, (HIDDEN, HALF)),
            "bt": np.zeros(HALF),
            "scale": np.ones(HALF),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        u = X @ p["A"]
        u1, u2 = u[:, :HALF], u[:, HALF:]
        pre = u1 @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        r = np.tanh(h @ p["Ws"] + p["bs"])
        s = p["scale"] * r
        t = h @ p["Wt"] + p["bt"]
        e = np.exp(s)
        z = np.concatenate([u1, u2 * e + t], axis=1)
        _, logabsdet = np.linalg.slogdet(p["A"])
        logdet = logabsdet + s.sum(axis=1)
        return z, logdet, (u1, u2, pre, h, r, s, e)

    def loss(self, X, y=None):
        z, logdet, _ = self.forward(X)
        return float(bits_per_dim(z, logdet))

    def backward(self, X):
        p = self.params
        n = len(X)
        z, logdet, (u1, u2, pre, h, r, s, e) = self.forward(X)
        loss = bits_per_dim(z, logdet)
        c = 1.0 / (n * D * LN2)
        g = {}
        dz = z * c
        dv2 = dz[:, HALF:]
        du1 = dz[:, :HALF]
        du2 = dv2 * e
        ds = dv2 * u2 * e - c
        dt = dv2
        g["scale"] = np.sum(ds * r, axis=0)
        dr = ds * p["scale"] * (1.0 - r ** 2)
        g["Ws"] = h.T @ dr
        g["bs"] = dr.sum(axis=0)
        g["Wt"] = h.T @ dt
        g["bt"] = dt.sum(axis=0)
        dh = dr @ p["Ws"].T + dt @ p["Wt"].T
        dpre = dh * (pre > 0)
        g["W1"] = u1.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        du1 = du1 + dpre @ p["W1"].T
        du = np.concatenate([du1, du2], axis=1)
        g["A"] = X.T @ du - (c * n) * np.linalg.inv(p["A"]).T
        return float(loss), g

    def train_step(self, X, y):
        loss, g = self.backward(X)
        self.grads = g
        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        p = self.params
        for k in p:
            gk = g[k] + WD * p[k] if k in DECAYED else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + gk
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return loss
