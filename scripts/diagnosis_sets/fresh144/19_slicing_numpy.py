"""superres_numpy.py written another way: the upsamplings by slicing, the weights as attributes.

Linear x2 upsampling (align_corners=False) by edge-padding and blending
neighbours: even outputs 0.75 x[j] + 0.25 x[j-1], odd ones 0.75 x[j] + 0.25 x[j+1],
with x[-1] := x[0] and x[L] := x[L-1]; its backward sends each output's
gradient back along the same two weights. Nearest x2 by broadcasting onto a
new axis; its backward sums the pairs. Convolutions as im2col matrices.

Parameters: self.K1 (4, 1, 3), self.c1 (4,), self.K2 (4, 4, 3), self.c2 (4,),
self.W3 (8, 1), self.c3 (1,). SGD with momentum 0.9 and L2 weight decay 1e-3,
lr 0.1, the decay folded into the velocity update.
"""

import numpy as np

NAMES = ("K1", "c1", "K2", "c2", "W3", "c3")


def up_linear(x):
    xp = np.concatenate([x[:, :, :1], x, x[:, :, -1:]], axis=2)     # (N, C, L + 2)
    even = 0.75 * x + 0.25 * xp[:, :, :-2]
    odd = 0.75 * x + 0.25 * xp[:, :, 2:]
    return np.stack([even, odd], axis=3).reshape(x.shape[0], x.shape[1], -1)


def up_linear_backward(d):
    N, C, L2 = d.shape
    d = d.reshape(N, C, L2 // 2, 2)
    de, do = d[..., 0], d[..., 1]
    dx = 0.75 * (de + do)
    dx[:, :, :-1] += 0.25 * de[:, :, 1:]      # x[j] is the left neighbour of even output j+1
    dx[:, :, 0] += 0.25 * de[:, :, 0]         # clamped: x[-1] is x[0]
    dx[:, :, 1:] += 0.25 * do[:, :, :-1]      # x[j] is the right neighbour of odd output j-1
    dx[:, :, -1] += 0.25 * do[:, :, -1]       # clamped: x[L] is x[L-1]
    return dx


def im2col(x):
    """(N, C, L) -> (N, L, C*3), padding 1, columns ordered (c, t)."""
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1)))
    L = x.shape[2]
    cols = np.stack([xp[:, :, t:t + L] for t in range(3)], axis=3)   # (N, C, L, 3)
    return cols.transpose(0, 2, 1, 3).reshape(x.shape[0], L, -1)


def col2im(dcols, C):
    N, L, _ = dcols.shape
    d = dcols.reshape(N, L, C, 3).transpose(0, 2, 1, 3)              # (N, C, L, 3)
    dxp = np.zeros((N, C, L + 2), dtype=dcols.dtype)
    for t in range(3):
        dxp[:, :, t:t + L] += d[..., t]
    return dxp[:, :, 1:-1]


class SuperRes1D:
    def __init__(self, seed=0, lr=0.1, momentum=0.9, weight_decay=1e-3):
        rng = np.random.default_rng(seed)
        self.K1 = (rng.standard_normal((4, 1, 3)) * 0.5).astype(np.float32)
        self.c1 = np.zeros(4, dtype=np.float32)
        self.K2 = (rng.standard_normal((4, 4, 3)) * 0.3).astype(np.float32)
        self.c2 = np.full(4, 0.1, dtype=np.float32)
        self.W3 = (rng.standard_normal((8, 1)) * 0.3).astype(np.float32)
        self.c3 = np.zeros(1, dtype=np.float32)
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def _forward(self, X):
        N = X.shape[0]
        cols1 = im2col(X)                                             # (N, 8, 3)
        h1 = np.tanh(cols1 @ self.K1.reshape(4, -1).T + self.c1)      # (N, 8, 4) positions first
        h1 = h1.transpose(0, 2, 1)                                    # (N, 4, 8)
        a = up_linear(h1)                                             # (N, 4, 16)
        cols2 = im2col(a)                                             # (N, 16, 12)
        z2 = cols2 @ self.K2.reshape(4, -1).T + self.c2               # (N, 16, 4)
        h2 = np.maximum(z2, 0)
        s = np.broadcast_to(h1[:, :, :, None], h1.shape + (2,)).reshape(N, 4, 16)
        c = np.concatenate([h2, s.transpose(0, 2, 1)], axis=2)        # (N, 16, 8)
        out = c @ self.W3 + self.c3                                   # (N, 16, 1)
        return out.transpose(0, 2, 1), (cols1, h1, cols2, z2, c)

    def loss(self, X, y):
        return np.mean((self._forward(X)[0] - y) ** 2)

    def train_step(self, X, y):
        out, (cols1, h1, cols2, z2, c) = self._forward(X)
        N = X.shape[0]
        loss = np.mean((out - y) ** 2)
        dout = (2.0 / out.size) * (out - y).transpose(0, 2, 1)        # (N, 16, 1)
        g = {"W3": np.einsum("nlc,nlo->co", c, dout), "c3": dout.sum(axis=(0, 1))}
        dc = dout @ self.W3.T                                         # (N, 16, 8)
        dz2 = dc[:, :, :4] * (z2 > 0)
        g["K2"] = np.einsum("nlo,nlk->ok", dz2, cols2).reshape(self.K2.shape)
        g["c2"] = dz2.sum(axis=(0, 1))
        da = col2im(dz2 @ self.K2.reshape(4, -1), 4)                  # (N, 4, 16)
        ds = dc[:, :, 4:].transpose(0, 2, 1).reshape(N, 4, 8, 2).sum(axis=3)
        dh1 = up_linear_backward(da) + ds                             # (N, 4, 8)
        dz1 = (dh1 * (1.0 - h1 * h1)).transpose(0, 2, 1)              # (N, 8, 4)
        g["K1"] = np.einsum("nlo,nlk->ok", dz1, cols1).reshape(self.K1.shape)
        g["c1"] = dz1.sum(axis=(0, 1))
        for k in NAMES:
            p = getattr(self, k)
            self.velocity[k] = self.mu * self.velocity[k] + g[k] + self.wd * p
            p -= self.lr * self.velocity[k]
        return float(loss)
