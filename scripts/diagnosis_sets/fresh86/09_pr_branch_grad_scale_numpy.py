"""Pre-activation residual MLP for regression in NumPy, normalisation-free.

A linear stem h = x W_in + b_in, then NUM_BLOCKS pre-activation residual blocks
h <- h + (1 / sqrt(NUM_BLOCKS)) * (lrelu(lrelu(h) W1 + b1) W2 + b2), so the residual stream's
variance stays put however deep the net, then a pre-activation head out = lrelu(h) W_out + b_out.
Leaky ReLU with slope NEG on the negative side. The loss is the mean squared error. The
gradients are clipped to a global L2 norm MAX_NORM (torch's clip_grad_norm_: factor
MAX_NORM / (norm + 1e-6) when below 1), then SGD with Nesterov momentum and coupled weight
decay in torch's form (d = g + WD p, v = MU v + d, p -= lr (d + MU v)), under a linear warmup
over WARMUP steps then a cosine decay to zero at TOTAL steps.

    X: float (n, 8), y: float (n, 1)
"""

import math

import numpy as np

N_IN, WIDTH, NUM_BLOCKS = 8, 16, 3
NEG = 0.1
LR, MU, WD, MAX_NORM = 0.05, 0.9, 5e-4, 3.0
WARMUP, TOTAL = 4, 20
SCALE = 1.0 / math.sqrt(NUM_BLOCKS)


def lr_factor(t):
    """Multiplier of the t-th update (t = 0, 1, ...)."""
    if t < WARMUP:
        return (t + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


def lrelu(z):
    return np.where(z > 0, z, NEG * z)


def lrelu_grad(z):
    return np.where(z > 0, 1.0, NEG).astype(z.dtype)


class PreResMLP:
    def __init__(self, seed=86):
        rng = np.random.default_rng(seed)
        p = {"W_in": rng.normal(0.0, 1.0 / math.sqrt(N_IN), (N_IN, WIDTH)), "b_in": np.zeros(WIDTH)}
        for k in range(NUM_BLOCKS):
            p[f"W1_{k}"] = rng.normal(0.0, math.sqrt(2.0 / WIDTH), (WIDTH, WIDTH))
            p[f"b1_{k}"] = rng.normal(0.0, 0.05, WIDTH)
            p[f"W2_{k}"] = rng.normal(0.0, math.sqrt(2.0 / WIDTH), (WIDTH, WIDTH))
            p[f"b2_{k}"] = rng.normal(0.0, 0.05, WIDTH)
        p["W_out"] = rng.normal(0.0, 0.25, (WIDTH, 1))
        p["b_out"] = np.zeros(1)
        self.params = p
        self.velocity = {k: np.zeros_like(a) for k, a in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        self.cache = []
        for k in range(NUM_BLOCKS):
            u = lrelu(h)
            z = u @ p[f"W1_{k}"] + p[f"b1_{k}"]
            v = lrelu(z)
            r = v @ p[f"W2_{k}"] + p[f"b2_{k}"]
            self.cache.append((h, u, z, v))
            h = h + SCALE * r
        self.h_last = h
        self.a_last = lrelu(h)
        return self.a_last @ p["W_out"] + p["b_out"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def backward(self, X, y, out):
        p = self.params
        g = {}
        dout = 2.0 * (out - y) / out.size
        g["W_out"] = self.a_last.T @ dout
        g["b_out"] = dout.sum(axis=0)
        dh = (dout @ p["W_out"].T) * lrelu_grad(self.h_last)
        for k in reversed(range(NUM_BLOCKS)):
            h_in, u, z, v = self.cache[k]
            dr = dh  # fix: dr = SCALE * dh
            g[f"W2_{k}"] = v.T @ dr
            g[f"b2_{k}"] = dr.sum(axis=0)
            dz = (dr @ p[f"W2_{k}"].T) * lrelu_grad(z)
            g[f"W1_{k}"] = u.T @ dz
            g[f"b1_{k}"] = dz.sum(axis=0)
            dh = dh + (dz @ p[f"W1_{k}"].T) * lrelu_grad(h_in)
        g["W_in"] = X.T @ dh
        g["b_in"] = dh.sum(axis=0)
        return g

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        g = self.backward(X, y, out)

        norm = math.sqrt(sum(float(np.sum(a * a)) for a in g.values()))
        coef = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        lr = LR * lr_factor(self.t)
        self.t += 1
        for k, w in self.params.items():
            d = g[k] + WD * w
            self.velocity[k] = MU * self.velocity[k] + d
            w -= lr * (d + MU * self.velocity[k])
        return float(loss)
