"""A tiny LeNet-5 for 8x8 glyphs, from the textbook description: C1 a 3x3 convolution with 4
feature maps and tanh, S2 a 2x2 subsampling layer (the average of each block, LeCun's original
subsampling), F3 a fully connected tanh layer of 10 units, then the 3 class scores with a softmax.
The convolution gathers its patches with as_strided. Mean cross-entropy, SGD, momentum 0.9."""

import numpy as np
from numpy.lib.stride_tricks import as_strided


def patches(X, k):
    n, c, H, W = X.shape
    sn, sc, sh, sw = X.strides
    return as_strided(X, (n, H - k + 1, W - k + 1, c, k, k), (sn, sh, sw, sc, sh, sw), writeable=False)


class LeNet:
    def __init__(self, lr=0.05, momentum=0.9, seed=6):
        rng = np.random.default_rng(seed)
        self.C1 = rng.uniform(-1 / 3, 1 / 3, (4, 1, 3, 3))
        self.C1_b = np.zeros(4)
        self.F3 = rng.uniform(-1 / 6, 1 / 6, (36, 10))
        self.F3_b = np.zeros(10)
        self.OUT = rng.uniform(-0.3, 0.3, (10, 3))
        self.OUT_b = np.zeros(3)
        self.names = ["C1", "C1_b", "F3", "F3_b", "OUT", "OUT_b"]
        self.lr, self.momentum = lr, momentum
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        n = len(X)
        P = patches(np.ascontiguousarray(X), 3)                               # (n, 6, 6, 1, 3, 3)
        c1 = np.tanh(np.einsum("nhwcij,ocij->nohw", P, self.C1) + self.C1_b[:, None, None])
        s2 = c1.reshape(n, 4, 3, 2, 3, 2).mean(axis=(3, 5))                   # (n, 4, 3, 3)
        flat = s2.reshape(n, 36)
        f3 = np.tanh(flat @ self.F3 + self.F3_b)
        scores = f3 @ self.OUT + self.OUT_b
        scores = scores - scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d_scores = probs.copy()
        d_scores[np.arange(n), y] -= 1
        d_scores /= n
        g = {"OUT": f3.T @ d_scores, "OUT_b": d_scores.sum(0)}
        d_f3 = (d_scores @ self.OUT.T) * (1 - f3 ** 2)
        g["F3"], g["F3_b"] = flat.T @ d_f3, d_f3.sum(0)
        d_s2 = (d_f3 @ self.F3.T).reshape(n, 4, 3, 1, 3, 1)
        d_c1 = np.broadcast_to(d_s2 / 4, (n, 4, 3, 2, 3, 2)).reshape(n, 4, 6, 6) * (1 - c1 ** 2)
        g["C1"] = np.einsum("nhwcij,nohw->ocij", P, d_c1)
        g["C1_b"] = d_c1.sum(axis=(0, 2, 3))
        self.grads = g

        for k in self.names:
            self.vel[k] = self.momentum * self.vel[k] + g[k]
            getattr(self, k)[...] -= self.lr * self.vel[k]
        return float(loss)
