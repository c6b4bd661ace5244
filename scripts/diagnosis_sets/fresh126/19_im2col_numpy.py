"""Correct variant of c_numpy.py: the same regressor with im2col and another parameter layout.

The 3x3 valid convolution is an im2col matmul; the dense weight is kept (out, in) = (2, 12),
as nn.Linear keeps it; the overlapping 3x3 / stride 2 max pool's backward scatters into a
flattened map with np.add.at on linear indices; Nesterov's step is written as
p -= lr * g + lr * mu * v after v = mu * v + g.
"""

import numpy as np


def im2col(X, k):
    N, C, H, W = X.shape
    oh, ow = H - k + 1, W - k + 1
    cols = np.empty((N, oh, ow, C, k, k), dtype=X.dtype)
    for i in range(k):
        for j in range(k):
            cols[:, :, :, :, i, j] = X[:, :, i:i + oh, j:j + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, C * k * k), oh, ow


class LoopConvRegressor:
    def __init__(self, in_channels=1, filters=3, outputs=2, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.standard_normal((filters, in_channels, 3, 3)) / 3.0,
            "bK": 0.1 * rng.standard_normal(filters),
            "W": rng.standard_normal((outputs, filters * 4)) / np.sqrt(filters * 4),
            "b": np.zeros(outputs),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.mu = lr, momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["K"].dtype)
        N = X.shape[0]
        cout = p["K"].shape[0]
        cols, oh, ow = im2col(X, 3)
        z = (cols @ p["K"].reshape(cout, -1).T + p["bK"]).reshape(N, oh, ow, cout).transpose(0, 3, 1, 2)
        a = np.tanh(z)
        flat_a = a.reshape(N, cout, oh * ow)
        pooled, where = [], []
        for r0 in (0, 2):
            for c0 in (0, 2):
                lin = np.array([(r0 + i) * ow + (c0 + j) for i in range(3) for j in range(3)])
                win = flat_a[:, :, lin]
                am = win.argmax(axis=-1)
                pooled.append(np.take_along_axis(win, am[..., None], axis=-1)[..., 0])
                where.append(lin[am])
        pooled = np.stack(pooled, axis=-1)                # (N, cout, 4), (row, col) order
        where = np.stack(where, axis=-1)
        flat = pooled.reshape(N, -1)
        out = flat @ p["W"].T + p["b"]
        return out, (cols, a, where, flat)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean(np.square(self.forward(X) - y))

    def backward(self, X, y):
        p = self.params
        out, (cols, a, where, flat) = self._forward(X)
        y = np.asarray(y, dtype=out.dtype)
        diff = out - y
        loss = np.mean(diff * diff)
        N, cout, oh, ow = a.shape

        dout = diff * (2.0 / diff.size)
        self.grads["W"] = dout.T @ flat
        self.grads["b"] = dout.sum(axis=0)
        dpooled = (dout @ p["W"]).reshape(N, cout, 4)

        da = np.zeros((N, cout, oh * ow), dtype=a.dtype)
        n_i, c_i, w_i = np.indices(where.shape)
        np.add.at(da, (n_i, c_i, where), dpooled)
        dz = da.reshape(a.shape) * (1 - a * a)

        dz_cols = dz.transpose(0, 2, 3, 1).reshape(-1, cout)
        self.grads["K"] = (dz_cols.T @ cols).reshape(p["K"].shape)
        self.grads["bK"] = dz_cols.sum(axis=0)
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k, p in self.params.items():
            g = self.grads[k]
            v = self.velocity[k] = self.mu * self.velocity[k] + g
            p -= self.lr * g + self.lr * self.mu * v
        return float(loss)
