"""Two-output regressor in NumPy: 4 -> 16 ReLU -> 16 ReLU -> 2 linear, mean squared error over
every output, heavy-ball momentum (v = mu v + g; theta -= lr v) with an exponentially decaying
learning rate, LR0 * GAMMA ** t after t updates.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR0, GAMMA = 0.05, 0.9
MOMENTUM = 0.9


class CurveRegressor:
    def __init__(self, sizes=(4, 16, 16, 2), seed=4):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.depth = len(sizes) - 1
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.updates = 0

    def forward(self, X):
        p = self.params
        self.acts, self.zs = [X], []
        a = X
        for i in range(1, self.depth + 1):
            z = a @ p[f"W{i}"] + p[f"b{i}"]
            self.zs.append(z)
            a = np.maximum(z, 0.0) if i < self.depth else z
            self.acts.append(a)
        return a

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        grads = {}
        delta = 2.0 * (out - y) / out.size
        for i in range(self.depth, 0, -1):
            grads[f"W{i}"] = self.acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                delta = (delta @ p[f"W{i}"].T) * (self.zs[i - 2] > 0)
        self.grads = grads

        lr = LR0 * GAMMA ** self.updates
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= lr * self.velocity[k]
        self.updates += 1
        return float(loss)
