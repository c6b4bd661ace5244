"""1-d convnet in NumPy without loops over positions: the windows of every signal are taken at
once with numpy.lib.stride_tricks.sliding_window_view, the convolution (torch's layout,
cross-correlation) and its weight gradient are einsums over those windows.

    Conv1d(2 -> 5, kernel 3) -> ReLU -> global max over time -> Linear(5 -> 3) -> softmax

Summed cross-entropy, Adam (lr 0.01).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class StridedConvNet:
    def __init__(self, c_in=2, c_out=5, k=3, classes=3, lr=0.01, seed=17):
        rng = np.random.default_rng(seed)
        self.params = {
            "kernel": rng.normal(0.0, np.sqrt(2.0 / (c_in * k)), (c_out, c_in, k)),
            "kernel_bias": np.full(c_out, 0.1),
            "dense": rng.normal(0.0, 1.0 / np.sqrt(c_out), (c_out, classes)),
            "dense_bias": np.zeros(classes),
        }
        self.lr, self.betas, self.eps = lr, (0.9, 0.999), 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        P = self.params
        win = sliding_window_view(X, P["kernel"].shape[2], axis=2)      # (n, c_in, L, k)
        z = np.einsum("nclk,ock->nol", win, P["kernel"]) + P["kernel_bias"][:, None]
        a = np.maximum(z, 0.0)
        idx = a.argmax(axis=2)                                          # (n, c_out)
        pooled = np.take_along_axis(a, idx[:, :, None], axis=2)[:, :, 0]
        logits = pooled @ P["dense"] + P["dense_bias"]
        return logits, (win, z, idx, pooled)

    def loss(self, X, y):
        logits, _ = self.forward(X)
        logits = logits - logits.max(axis=1, keepdims=True)
        return float(-(y * (logits - np.log(np.exp(logits).sum(1, keepdims=True)))).sum())

    def train_step(self, X, y):
        P = self.params
        logits, (win, z, idx, pooled) = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -(y * logp).sum()
        dlogits = np.exp(logp) - y
        g = {"dense": pooled.T @ dlogits, "dense_bias": dlogits.sum(axis=0)}
        dpooled = dlogits @ P["dense"].T
        dz = np.zeros_like(z)
        np.put_along_axis(dz, idx[:, :, None], dpooled[:, :, None], axis=2)
        dz *= z > 0
        g["kernel"] = np.einsum("nol,nclk->ock", dz, win)
        g["kernel_bias"] = dz.sum(axis=(0, 2))
        self.t += 1
        b1, b2 = self.betas
        for k in P:
            self.m[k] = b1 * self.m[k] + (1 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * g[k] ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            P[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
