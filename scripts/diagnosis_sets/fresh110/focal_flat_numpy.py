"""The focal-loss MLP of focal_numpy.py with all its parameters in one flat vector.

theta holds W1 (16, 12), b1, W2 (3, 16), b2 one after another, each kept as a view into it and
stored (out, in) as torch keeps nn.Linear weights (so the products are X @ W1.T); the gradient
is built into one flat vector gtheta through the same views; the heavy-ball buffer is one flat
vector and the weight decay a flat 0/1 mask over theta. The focal loss is computed in log space,
(1 - p_y)^GAMMA as exp(GAMMA * log1p(-p_y)), and differentiated through log p_y
(d log p_y / dz = onehot - p). Same warm-up then cosine learning rate, counted in self.updates.

    X: float (n, 12), y: int (n,) labels in 0..2
"""

import math

import numpy as np

D, HIDDEN, K = 12, 16, 3
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
GAMMA = 2.0
ALPHA = (0.25, 0.35, 0.40)
WARMUP, TOTAL = 3, 20
SHAPES = (("W1", (HIDDEN, D), True), ("b1", (HIDDEN,), False), ("W2", (K, HIDDEN), True), ("b2", (K,), False))


def schedule(updates):
    if updates < WARMUP:
        return LR * (updates + 1) / WARMUP
    progress = (updates - WARMUP) / (TOTAL - WARMUP)
    return LR * 0.5 * (1.0 + math.cos(math.pi * progress))


def views(flat):
    out, start = {}, 0
    for name, shape, _ in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[start:start + size].reshape(shape)
        start += size
    return out


class FocalFlat:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        size = sum(int(np.prod(s)) for _, s, _ in SHAPES)
        self.theta = np.empty(size)
        v = views(self.theta)
        v["W1"][...] = rng.uniform(-1.0, 1.0, (HIDDEN, D)) / np.sqrt(D)
        v["b1"][...] = rng.uniform(-0.1, 0.1, HIDDEN)
        v["W2"][...] = rng.uniform(-1.0, 1.0, (K, HIDDEN)) / np.sqrt(HIDDEN)
        v["b2"][...] = 0.0
        self.W1, self.b1, self.W2, self.b2 = v["W1"], v["b1"], v["W2"], v["b2"]
        self.decay_mask = np.concatenate([np.full(int(np.prod(s)), 1.0 if d else 0.0) for _, s, d in SHAPES])
        self.buf = np.zeros(size)
        self.updates = 0

    def _forward(self, X, y):
        h = np.tanh(X @ self.W1.T + self.b1)
        z = h @ self.W2.T + self.b2
        zmax = z.max(axis=1, keepdims=True)
        logp = z - zmax - np.log(np.sum(np.exp(z - zmax), axis=1, keepdims=True))
        rows = np.arange(len(y))
        logpt = logp[rows, y]
        pt = np.exp(logpt)
        weight = np.take(np.asarray(ALPHA, dtype=X.dtype), y)
        modulate = np.exp(GAMMA * np.log1p(-pt))
        per_row = -weight * modulate * logpt
        return h, logp, logpt, pt, weight, modulate, per_row

    def loss(self, X, y):
        return float(self._forward(X, y)[-1].mean())

    def train_step(self, X, y):
        n = X.shape[0]
        h, logp, logpt, pt, weight, modulate, per_row = self._forward(X, y)
        loss = per_row.mean()

        # d per_row / d logpt, with d modulate / d logpt = -GAMMA modulate pt / (1 - pt)
        dlogpt = -weight * (modulate - GAMMA * modulate * pt / (1.0 - pt) * logpt) / n
        onehot = (np.arange(K)[None, :] == y[:, None]).astype(X.dtype)
        dz = dlogpt[:, None] * (onehot - np.exp(logp))
        gtheta = np.zeros_like(self.theta)
        gv = views(gtheta)
        gv["W2"][...] = dz.T @ h
        gv["b2"][...] = dz.sum(axis=0)
        dpre = (dz @ self.W2) * (1.0 - h * h)
        gv["W1"][...] = dpre.T @ X
        gv["b1"][...] = dpre.sum(axis=0)
        self.grads = gv

        lr = schedule(self.updates)
        self.buf *= MOMENTUM
        self.buf += gtheta + WD * self.decay_mask * self.theta
        self.theta -= lr * self.buf
        self.updates += 1
        return float(loss)
