"""Gradient-centralised SGD regressor in NumPy, weights kept (out, in) as nn.Linear keeps them.

The same network and optimizer as gc_numpy.py (8-12-10-1, ReLU, MSE, GC, SGD lr 0.05,
momentum 0.9, coupled weight decay 5e-3), written another way: samples as columns
(activations (features, N)), W (out, in), and the centralization as a projection,
g @ (I - 1 1^T / fan_in), which removes each row's mean over the fan-in; the momentum
buffer is updated in place.

Parameters: self.params['W1'] (12, 8), 'b1' (12,), 'W2' (10, 12), 'b2' (10,), 'W3' (1, 10), 'b3' (1,).
"""

import numpy as np


class GCRegressorOutIn:
    def __init__(self, sizes=(8, 12, 10, 1), lr=0.05, momentum=0.9, weight_decay=5e-3, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out)).T.copy()
            self.params[f"b{i}"] = rng.normal(0.0, 0.1, fan_out)
        self.L = len(sizes) - 1
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}

    def train_step(self, X, y):
        A = [X.T]                                             # (features, N)
        for i in range(1, self.L + 1):
            Z = self.params[f"W{i}"] @ A[-1] + self.params[f"b{i}"][:, None]
            A.append(np.maximum(Z, 0.0) if i < self.L else Z)
        diff = A[-1] - y.T
        loss = np.mean(diff ** 2)
        dZ = 2.0 * diff / diff.size
        grads = {}
        for i in range(self.L, 0, -1):
            W = self.params[f"W{i}"]
            gW = dZ @ A[i - 1].T
            fan_in = gW.shape[1]
            P = np.eye(fan_in, dtype=gW.dtype) - np.ones((fan_in, fan_in), dtype=gW.dtype) / fan_in
            grads[f"W{i}"] = gW @ P
            grads[f"b{i}"] = dZ.sum(axis=1)
            if i > 1:
                dZ = (W.T @ dZ) * (A[i - 1] > 0)
        for k, w in self.params.items():
            v = self.velocity[k]
            v *= self.mu
            v += grads[k] + self.wd * w
            w -= self.lr * v
        self.grads = grads
        return float(loss)
