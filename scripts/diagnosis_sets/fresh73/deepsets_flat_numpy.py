"""The DeepSets regressor of deepsets_numpy.py written another way, in NumPy.

The points of the batch are flattened into one (n * MAX_SET, 3) matrix so phi runs as plain 2-D
matrix products; the masked sum pooling is one product with a (n, n * MAX_SET) pooling matrix
whose row i holds set i's presence flags (its transpose carries the gradient back). The layers
are kept in two lists, W and b; the loss is written as a dot product; SGD with momentum, the
weight decay on the W list only, the velocities in two lists beside them.

    X: float (n, 6, 4) points and presence flag, y: float (n, 1)
"""

import numpy as np

SIZES = (3, 12, 8, 12, 1)
LR, MOMENTUM, DECAY = 0.02, 0.9, 0.05


class DeepSetsFlat:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.W = [rng.uniform(-1.0, 1.0, (a, b)) / np.sqrt(a) for a, b in zip(SIZES[:-1], SIZES[1:])]
        self.b = [rng.uniform(-0.2, 0.2, b) for b in SIZES[1:]]
        self.vel_W = [np.zeros_like(w) for w in self.W]
        self.vel_b = [np.zeros_like(b) for b in self.b]

    def train_step(self, X, y):
        n, s, _ = X.shape
        W, b = self.W, self.b
        flat = X.reshape(n * s, -1)
        pts, flags = flat[:, :3], flat[:, 3]
        pool = np.zeros((n, n * s), dtype=X.dtype)
        pool[np.repeat(np.arange(n), s), np.arange(n * s)] = flags

        a1 = np.tanh(np.dot(pts, W[0]) + b[0])
        a2 = np.tanh(np.dot(a1, W[1]) + b[1])
        pooled = pool @ a2
        pre3 = pooled @ W[2] + b[2]
        r = pre3.clip(min=0.0)
        err = (r @ W[3] + b[3] - y).ravel()
        loss = err @ err / err.size

        d_out = (2.0 / err.size) * err[:, None]
        gW, gb = [None] * 4, [None] * 4
        gW[3], gb[3] = r.T @ d_out, d_out.sum(axis=0)
        d3 = (d_out @ W[3].T) * (pre3 > 0)
        gW[2], gb[2] = pooled.T @ d3, d3.sum(axis=0)
        d2 = (pool.T @ (d3 @ W[2].T)) * (1.0 - a2 * a2)
        gW[1], gb[1] = a1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ W[1].T) * (1.0 - a1 * a1)
        gW[0], gb[0] = pts.T @ d1, d1.sum(axis=0)

        for i in range(4):
            self.vel_W[i] *= MOMENTUM
            self.vel_W[i] += gW[i] + DECAY * W[i]
            W[i] -= LR * self.vel_W[i]
            self.vel_b[i] *= MOMENTUM
            self.vel_b[i] += gb[i]
            b[i] -= LR * self.vel_b[i]
        return float(loss)
