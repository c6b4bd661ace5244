"""A tanh network with a sparsemax output layer, from scratch in NumPy.

    h   = tanh(X @ W1 + b1)                       (N, 12)
    z   = h @ W2 + b2                             (N, 5)
    p   = sparsemax(z)                            rows on the simplex, many entries exactly 0
    loss = 0.5 * mean over rows of sum_k (p - y)^2   (y one-hot)

sparsemax(z) = max(z - tau, 0), the Euclidean projection of z onto the simplex
(Martins & Astudillo, 2016): sort z descending, the support size k(z) is the
largest k with 1 + k z_(k) > sum_{j<=k} z_(j), and tau = (sum_{j<=k(z)} z_(j) - 1) / k(z).

Backward through sparsemax, its Jacobian-vector product: with s the support
mask (p > 0) and |S| its size, dz = s * (dp - sum(s * dp) / |S|).

Adam (torch.optim.Adam's defaults, lr 0.01), state in self.m, self.v, step count self.t.

Parameters (self.params): W1 (6, 12), b1 (12,), W2 (12, 5), b2 (5,).
"""

import numpy as np


def sparsemax(z):
    """Row-wise projection of z (N, K) onto the simplex; returns p and the support mask."""
    K = z.shape[1]
    zs = -np.sort(-z, axis=1)                        # descending
    cs = np.cumsum(zs, axis=1)
    k = np.arange(1, K + 1, dtype=z.dtype)
    in_support = 1 + k * zs > cs
    kz = in_support.sum(axis=1, keepdims=True)       # support size per row
    tau = np.take_along_axis(cs, kz - 1, axis=1) / kz.astype(z.dtype) - 1  # fix: tau = (np.take_along_axis(cs, kz - 1, axis=1) - 1) / kz.astype(z.dtype)
    p = np.maximum(z - tau, 0)
    return p, (p > 0).astype(z.dtype)


def sparsemax_jvp(s, dp):
    """Backward of sparsemax: the Jacobian (diag(s) - s s^T / |S|) applied to dp."""
    size = s.sum(axis=1, keepdims=True)
    return s * (dp - (s * dp).sum(axis=1, keepdims=True) / size)


class SparsemaxNet:
    def __init__(self, n_in=6, hidden=12, n_out=5, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_out)) * (2.0 / np.sqrt(hidden)),
            "b2": np.zeros(n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.t = 0

    def _forward(self, X):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        z = h @ P["W2"] + P["b2"]
        p, s = sparsemax(z)
        return p, (h, s)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        p = self.forward(X)
        return 0.5 * ((p - y) ** 2).sum() / X.shape[0]

    def backward(self, X, y):
        P = self.params
        N = X.shape[0]
        p, (h, s) = self._forward(X)
        loss = 0.5 * ((p - y) ** 2).sum() / N
        dp = (p - y) / N
        dz = sparsemax_jvp(s, dp)
        self.grads["W2"] = h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dh = dz @ P["W2"].T
        da = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ da
        self.grads["b1"] = da.sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
