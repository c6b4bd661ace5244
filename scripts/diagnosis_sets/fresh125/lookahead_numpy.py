"""A small regression MLP trained with Lookahead wrapped around SGD with momentum, in NumPy.

4 inputs -> 10 tanh units -> 2 linear outputs, mean squared error over all outputs
(as F.mse_loss).

Inner optimizer, SGD with momentum (torch.optim.SGD's form, no dampening):
    v  = momentum * v + g
    p -= lr * v
Lookahead (Zhang et al. 2019): slow weights start equal to the initial weights; after every
k inner steps
    slow += alpha * (p - slow)
    p     = slow                      (the fast weights restart from the slow ones)
The momentum buffers are kept across the synchronisation.

    X: float (N, 4), y: float (N, 2).

Parameters (self.params): W1 (4, 10), b1 (10,), W2 (10, 2), b2 (2,).
State: self.velocity (momentum buffers), self.slow (slow weights), inner step count self.t.
"""

import math
import os

import numpy as np


class LookaheadNet:
    def __init__(self, n_in=4, hidden=10, n_out=2, lr=0.05, momentum=0.9, k=5, alpha=0.5,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, n_out)) / math.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.grads = {k_: np.zeros_like(p) for k_, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.k = k
        self.alpha = alpha
        self.velocity = {k_: np.zeros_like(p) for k_, p in self.params.items()}
        self.slow = None
        self.t = 0

    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        return h @ p["W2"] + p["b2"], h

    def loss(self, X, y):
        return ((self._forward(X)[0] - y) ** 2).mean()

    def backward(self, X, y):
        p = self.params
        pred, h = self._forward(X)
        diff = pred - y
        loss = (diff ** 2).mean()
        dpred = 2.0 * diff / diff.size
        self.grads["W2"] = h.T @ dpred
        self.grads["b2"] = dpred.sum(axis=0)
        dh = dpred @ p["W2"].T
        dz = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def update(self):
        if self.slow is None:
            self.slow = {k_: p.copy() for k_, p in self.params.items()}
        for k_, p in self.params.items():
            self.velocity[k_] = self.momentum * self.velocity[k_] + self.grads[k_]
            p -= self.lr * self.velocity[k_]
        self.t += 1
        if self.t % self.k == 0:
            for k_, p in self.params.items():
                self.slow[k_] += self.alpha * (p - self.slow[k_])
                p[...] = self.slow[k_]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lookahead.npz"))
    net = LookaheadNet()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
