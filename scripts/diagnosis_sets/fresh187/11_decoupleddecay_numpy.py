"""A binary-binary restricted Boltzmann machine trained by CD-1, from scratch in NumPy.

    v0 = X (N, 16) binary
    ph0 = sigmoid(v0 W + c), h0 = [u_h < ph0]            (u_h = y[:, :n_hidden])
    pv1 = sigmoid(h0 W^T + b), v1 = [u_v < pv1]          (u_v = y[:, n_hidden:])
    ph1 = sigmoid(v1 W + c)
    CD-1 update: dW = (v0^T ph0 - v1^T ph1) / N, db = mean(v0 - v1), dc = mean(ph0 - ph1)
The step descends g = -d (kept in self.grads), with weight decay wd*W on the weights only,
through SGD with momentum (velocity = mu velocity + g + wd W; W -= lr velocity).
The value returned is the free-energy gap mean F(v0) - mean F(v1), whose gradient with v1
held fixed is g.

Parameters: W (n_visible, n_hidden), b (n_visible,) visible bias, c (n_hidden,) hidden bias.
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class RBM:
    def __init__(self, n_visible=16, n_hidden=10, lr=0.1, momentum=0.5, weight_decay=5e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.W = 0.1 * rng.standard_normal((n_visible, n_hidden))
        self.b = 0.1 * rng.standard_normal(n_visible)
        self.c = 0.1 * rng.standard_normal(n_hidden)
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.velocity = {"W": np.zeros_like(self.W), "b": np.zeros_like(self.b),
                         "c": np.zeros_like(self.c)}
        self.grads = {}

    def free_energy(self, v):
        return -(v @ self.b) - np.logaddexp(0, v @ self.W + self.c).sum(axis=1)

    def train_step(self, X, y):
        n_hidden = self.W.shape[1]
        u_h, u_v = y[:, :n_hidden], y[:, n_hidden:]
        N = X.shape[0]

        v0 = X
        ph0 = sigmoid(v0 @ self.W + self.c)
        h0 = (u_h < ph0).astype(X.dtype)
        pv1 = sigmoid(h0 @ self.W.T + self.b)
        v1 = (u_v < pv1).astype(X.dtype)
        ph1 = sigmoid(v1 @ self.W + self.c)

        loss = self.free_energy(v0).mean() - self.free_energy(v1).mean()

        pos = v0.T @ ph0
        neg = v1.T @ ph1
        self.grads = {
            "W": -(pos - neg) / N,
            "b": -(v0 - v1).mean(axis=0),
            "c": -(ph0 - ph1).mean(axis=0),
        }

        mu, lr = self.momentum, self.lr
        vel = self.velocity
        vel["W"] = mu * vel["W"] + self.grads["W"]
        vel["b"] = mu * vel["b"] + self.grads["b"]
        vel["c"] = mu * vel["c"] + self.grads["c"]
        self.W -= lr * vel["W"] + lr * self.weight_decay * self.W
        self.b -= lr * vel["b"]
        self.c -= lr * vel["c"]
        return loss
