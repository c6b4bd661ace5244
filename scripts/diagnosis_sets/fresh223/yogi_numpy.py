"""A one-hidden-layer tanh regressor trained with Yogi, all in NumPy.

Yogi (Zaheer et al., 2018) is Adam with an additive second-moment update:
    m = b1 m + (1 - b1) g
    v = v - (1 - b2) sign(v - g^2) g^2
    p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
Loss: mean squared error over the batch (one output).
"""

import numpy as np


class YogiMLP:
    def __init__(self, n_in=6, n_hidden=16, n_out=1, lr=0.02, betas=(0.9, 0.999), eps=1e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden)),
            "b1": rng.normal(0.0, 0.1, n_hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        self.h = np.tanh(X @ p["W1"] + p["b1"])
        return self.h @ p["W2"] + p["b2"]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y, out):
        p = self.params
        dout = 2.0 * (out - y) / out.size
        self.grads["W2"] = self.h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dh = dout @ p["W2"].T
        dz = dh * (1.0 - self.h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)

    def step(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            g2 = g * g
            self.v[k] = self.v[k] - (1.0 - self.beta2) * np.sign(self.v[k] - g2) * g2
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        self.backward(X, y, out)
        self.step()
        return float(loss)
