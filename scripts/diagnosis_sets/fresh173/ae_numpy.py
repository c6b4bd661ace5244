"""A denoising autoencoder, from scratch in NumPy: noisy X in, clean y out.

    h1 = tanh(X @ W1 + b1)        10 -> 8
    code = h1 @ W2 + b2           8 -> 3, the linear bottleneck
    h3 = tanh(code @ W3 + b3)     3 -> 8
    out = h3 @ W4 + b4            8 -> 10
    loss = mean((out - y) ** 2)   over every element

Adam (lr 1e-2, betas (0.9, 0.999), eps 1e-8) with L2 weight decay 1e-3 added to the gradient,
as torch.optim.Adam(weight_decay=1e-3) does.
"""

import numpy as np


class DenoisingAE:
    names = ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")

    def __init__(self, sizes=(10, 8, 3, 8, 10), lr=1e-2, b1=0.9, b2=0.999, eps=1e-8,
                 weight_decay=1e-3, seed=2):
        rng = np.random.default_rng(seed)
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            setattr(self, f"W{i}", rng.standard_normal((a, b)) / np.sqrt(a))
            setattr(self, f"b{i}", np.zeros(b))
        self.lr, self.beta1, self.beta2, self.eps, self.wd = lr, b1, b2, eps, weight_decay
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        X = X.astype(self.W1.dtype, copy=False)
        h1 = np.tanh(X @ self.W1 + self.b1)
        code = h1 @ self.W2 + self.b2
        h3 = np.tanh(code @ self.W3 + self.b3)
        out = h3 @ self.W4 + self.b4
        self.cache = (X, h1, code, h3)
        return out

    def loss(self, X, y):
        return np.mean((self.forward(X) - y.astype(self.W1.dtype, copy=False)) ** 2)

    def backward(self, out, y):
        X, h1, code, h3 = self.cache
        d_out = 2.0 * (out - y) / out.size
        self.grads["W4"] = h3.T @ d_out
        self.grads["b4"] = d_out.sum(axis=0)
        d_h3 = (d_out @ self.W4.T) * (1.0 - h3 ** 2)
        self.grads["W3"] = code.T @ d_h3
        self.grads["b3"] = d_h3.sum(axis=0)
        d_code = d_h3 @ self.W3.T
        self.grads["W2"] = h1.T @ d_code
        self.grads["b2"] = d_code.sum(axis=0)
        d_h1 = (d_code @ self.W2.T) * (1.0 - h1 ** 2)
        self.grads["W1"] = X.T @ d_h1
        self.grads["b1"] = d_h1.sum(axis=0)

    def step(self):
        self.t += 1
        for k in self.names:
            p = getattr(self, k)
            g = self.grads[k] + self.wd * p
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            setattr(self, k, p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))

    def train_step(self, X, y):
        y = y.astype(self.W1.dtype, copy=False)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        self.backward(out, y)
        self.step()
        return float(loss)
