"""1-D super-resolution by upsampling, from scratch in NumPy.

    x (N, 1, 8) low-resolution signal
    conv1: conv k=3, padding 1, 1 -> 4, tanh                          h1 (N, 4, 8)
    lin:   linear upsampling x2 (align_corners=False, as F.interpolate) a  (N, 4, 16)
    conv2: conv k=3, padding 1, 4 -> 4, ReLU                          h2 (N, 4, 16)
    near:  nearest-neighbour upsampling x2 of h1                       s  (N, 4, 16)
    cat:   [h2, s] along the channels                                 c  (N, 8, 16)
    head:  1x1 conv 8 -> 1, written as a matrix W3 (8, 1)             out (N, 1, 16)
    loss:  MSE, mean over every output element

Linear upsampling by 2 with align_corners=False samples the input at
(i + 0.5) / 2 - 0.5, clamped at the ends: out[2j] = 0.25 x[j-1] + 0.75 x[j],
out[2j+1] = 0.75 x[j] + 0.25 x[j+1], the first and last outputs copying the
end samples. It is a fixed (L, 2L) matrix U: forward h @ U, backward d @ U.T.
Nearest upsampling repeats each sample twice; its backward sums each pair.
h1 feeds both upsamplings, so its gradient is the sum of the two paths.

Parameters (self.params):
    K1 (4, 1, 3), c1 (4,), K2 (4, 4, 3), c2 (4,)   (cout, cin, k), as nn.Conv1d
    W3 (8, 1) (in, out), c3 (1,)                   the head: nn.Conv1d(8, 1, 1).weight is (1, 8, 1)
SGD, lr 0.1, momentum 0.9, L2 weight decay 1e-3 added to the gradient
(as torch.optim.SGD(weight_decay=...)): g += wd p; v = mu v + g; p -= lr v.
"""

import numpy as np


def linear_up_matrix(L):
    U = np.zeros((L, 2 * L), dtype=np.float32)
    for i in range(2 * L):
        src = max((i + 0.5) / 2.0 - 0.5, 0.0)
        j0 = int(np.floor(src))
        j1 = min(j0 + 1, L - 1)
        lam = src - j0
        U[j0, i] += 1.0 - lam
        U[j1, i] += lam
    return U


def conv1d(x, K, b):
    """x (N, C, L), K (O, C, 3), padding 1 -> (N, O, L)."""
    N, C, L = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1)))
    out = np.zeros((N, K.shape[0], L), dtype=x.dtype)
    for t in range(3):
        out += np.einsum("ncl,oc->nol", xp[:, :, t:t + L], K[:, :, t])
    return out + b[None, :, None]


def conv1d_backward(dout, x, K):
    N, C, L = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1)))
    dK = np.zeros_like(K)
    dxp = np.zeros_like(xp)
    for t in range(3):
        dK[:, :, t] = np.einsum("nol,ncl->oc", dout, xp[:, :, t:t + L])
        dxp[:, :, t:t + L] += np.einsum("nol,oc->ncl", dout, K[:, :, t])
    db = dout.sum(axis=(0, 2))
    return dxp[:, :, 1:-1], dK, db


class SuperRes1D:
    def __init__(self, seed=0, lr=0.1, momentum=0.9, weight_decay=1e-3):
        rng = np.random.default_rng(seed)
        self.params = {
            "K1": (rng.standard_normal((4, 1, 3)) * 0.5).astype(np.float32),
            "c1": np.zeros(4, dtype=np.float32),
            "K2": (rng.standard_normal((4, 4, 3)) * 0.3).astype(np.float32),
            "c2": np.full(4, 0.1, dtype=np.float32),
            "W3": (rng.standard_normal((8, 1)) * 0.3).astype(np.float32),
            "c3": np.zeros(1, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.U = linear_up_matrix(8)

    def forward(self, X):
        p = self.params
        h1 = np.tanh(conv1d(X, p["K1"], p["c1"]))
        a = h1 @ self.U
        z2 = conv1d(a, p["K2"], p["c2"])
        h2 = np.maximum(z2, 0)
        s = np.repeat(h1, 2, axis=2)
        c = np.concatenate([h2, s], axis=1)
        out = np.einsum("ncl,co->nol", c, p["W3"]) + p["c3"][None, :, None]
        self.cache = (X, h1, a, z2, c)
        return out

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out = self.forward(X)
        X, h1, a, z2, c = self.cache
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / out.size

        dW3 = np.einsum("ncl,nol->co", c, dout)
        dc3 = dout.sum(axis=(0, 2))
        dc = np.einsum("nol,co->ncl", dout, p["W3"])
        ds, dh2 = dc[:, :4], dc[:, 4:]  # fix: dh2, ds = dc[:, :4], dc[:, 4:]

        dz2 = dh2 * (z2 > 0)
        da, dK2, dc2 = conv1d_backward(dz2, a, p["K2"])
        N, C, L2 = ds.shape
        dh1 = da @ self.U.T + ds.reshape(N, C, L2 // 2, 2).sum(axis=3)
        dz1 = dh1 * (1.0 - h1 ** 2)
        _, dK1, dc1 = conv1d_backward(dz1, X, p["K1"])

        self.grads = {"K1": dK1, "c1": dc1, "K2": dK2, "c2": dc2, "W3": dW3, "c3": dc3}
        return loss

    def sgd(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "superres.npz"))
    net = SuperRes1D()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 40 == 0:
            print(s, l)
