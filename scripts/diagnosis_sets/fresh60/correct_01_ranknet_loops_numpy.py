"""RankNet by hand with plain loops: for every query, every ordered pair (i, j) with rel_i > rel_j
adds log(1 + exp(-(s_i - s_j))) and its gradient -sigmoid(-(s_i - s_j)) to s_i (and the opposite
to s_j); the loss the mean over all the batch's pairs. Plain SGD.

    X: float (q, 5, 4), y: float (q, 5) graded relevance
"""

import numpy as np


class RankNet:
    def __init__(self, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 5))
        self.b1 = np.zeros(5)
        self.w2 = rng.normal(0.0, 0.5, (5, 1))
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        s = (h @ self.w2)[..., 0]
        ds = np.zeros_like(s)
        total, npairs = 0.0, 0
        for k in range(s.shape[0]):
            for i in range(s.shape[1]):
                for j in range(s.shape[1]):
                    if y[k, i] > y[k, j]:
                        d = s[k, i] - s[k, j]
                        total += np.logaddexp(0.0, -d)
                        g = -0.5 * (1.0 - np.tanh(0.5 * d))
                        ds[k, i] += g
                        ds[k, j] -= g
                        npairs += 1
        ds /= npairs
        dw2 = np.tensordot(h, ds, axes=([0, 1], [0, 1]))[:, None]
        dz = ds[..., None] * self.w2[:, 0] * (1.0 - h ** 2)
        dW1 = np.tensordot(X, dz, axes=([0, 1], [0, 1]))
        db1 = dz.sum(axis=(0, 1))

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(total / npairs)
