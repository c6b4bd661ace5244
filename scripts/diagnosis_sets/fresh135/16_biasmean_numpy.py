"""Causal (masked) 1-D convolution predicting the next value of a sequence, NumPy.

x (N, 16) -> (N, 1, 16) -> masked conv, width 5, 1 -> 8 channels, padding 2 each side,
the taps after the centre masked out (position t sees x[t-2..t]) + tanh
-> masked conv, width 3, 8 -> 8, padding 1, taps after the centre masked out + tanh
-> 1x1 conv head V (8,) + c (1,) -> prediction (N, 16) of y[:, t] = x[:, t + 1].

Loss: mean squared error over all N*16 predictions. Optimizer: plain SGD, by hand.

Parameters (self.params): K1 (8, 1, 5), c1 (8,), K2 (8, 8, 3), c2 (8,), V (8,), c (1,);
kernels (out, in, width) as torch's Conv1d keeps them. Convolution is cross-correlation.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def causal_mask(c_out, c_in, width):
    mask = np.zeros((c_out, c_in, width))
    mask[:, :, : width // 2 + 1] = 1.0
    return mask


def conv1d_forward(x, W, b, pad):
    """x (N, Cin, T), W (Cout, Cin, K) -> (N, Cout, T); returns the columns for backward."""
    T = x.shape[2]
    K = W.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    cols = np.stack([xp[:, :, j:j + T] for j in range(K)], axis=-1)   # (N, Cin, T, K)
    out = np.einsum("nctk,ock->not", cols, W) + b[None, :, None]
    return out, cols


def conv1d_backward(dout, cols, W, pad):
    """Gradients of conv1d_forward: dW, db, dx."""
    N, Cin, T, K = cols.shape
    dW = np.einsum("not,nctk->ock", dout, cols)
    db = dout.sum(axis=0).mean(axis=1)  # fix: db = dout.sum(axis=(0, 2))
    dcols = np.einsum("not,ock->nctk", dout, W)
    dxp = np.zeros((N, Cin, T + 2 * pad), dtype=dcols.dtype)
    for j in range(K):
        dxp[:, :, j:j + T] += dcols[..., j]
    return dW, db, dxp[:, :, pad:pad + T]


class CausalConv:
    def __init__(self, channels=8, lr=0.1, seed=2):
        rng = np.random.default_rng(seed)
        C = channels
        self.mask1 = causal_mask(C, 1, 5)
        self.mask2 = causal_mask(C, C, 3)
        self.params = {
            "K1": rng.uniform(-1, 1, (C, 1, 5)) / np.sqrt(3),
            "c1": np.zeros(C),
            "K2": rng.uniform(-1, 1, (C, C, 3)) / np.sqrt(2 * C),
            "c2": np.zeros(C),
            "V": rng.uniform(-1, 1, C) / np.sqrt(C),
            "c": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr

    def _forward(self, X):
        p = self.params
        x = X[:, None, :]
        z1, cols1 = conv1d_forward(x, p["K1"] * self.mask1, p["c1"], 2)
        h1 = np.tanh(z1)
        z2, cols2 = conv1d_forward(h1, p["K2"] * self.mask2, p["c2"], 1)
        h2 = np.tanh(z2)
        pred = np.einsum("nct,c->nt", h2, p["V"]) + p["c"]
        return pred, (cols1, h1, cols2, h2)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return ((self.forward(X) - y) ** 2).mean()

    def backward(self, X, y):
        p = self.params
        pred, (cols1, h1, cols2, h2) = self._forward(X)
        err = pred - y
        loss = (err ** 2).mean()

        dpred = 2 * err / err.size
        self.grads["V"] = np.einsum("nt,nct->c", dpred, h2)
        self.grads["c"] = dpred.sum(keepdims=True).reshape(1)
        dh2 = dpred[:, None, :] * p["V"][None, :, None]
        dz2 = dh2 * (1 - h2 ** 2)
        dK2, self.grads["c2"], dh1 = conv1d_backward(dz2, cols2, p["K2"] * self.mask2, 1)
        self.grads["K2"] = dK2 * self.mask2
        dz1 = dh1 * (1 - h1 ** 2)
        dK1, self.grads["c1"], _ = conv1d_backward(dz1, cols1, p["K1"] * self.mask1, 2)
        self.grads["K1"] = dK1 * self.mask1
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "causal_seq.npz"))
    net = CausalConv()
    for step in range(300):
        loss = net.train_step(data["X"], data["y"])
        if step % 50 == 0:
            print(step, loss)
