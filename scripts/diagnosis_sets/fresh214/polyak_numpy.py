"""A ReLU regressor with a Polyak (EMA) teacher, from scratch in NumPy.

    student:  out = relu(X @ W1 + b1) @ W2 + b2          W kept (in, out), attributes
    teacher:  the same network on the shadow (EMA) weights, no gradient
    loss = mean((out - y) ** 2) + lam * mean((out - teacher_out) ** 2)   (means over N * D)
    SGD, momentum 0.9, coupled weight decay 1e-3 (g + wd * w into the velocity), lr 0.05,
    as torch.optim.SGD: v = mu * v + (g + wd * w); w -= lr * v
    then the shadow weights, TensorFlow ExponentialMovingAverage style with num_updates:
    num_updates += 1; decay = min(0.9, (1 + num_updates) / (10 + num_updates))
    shadow -= (1 - decay) * (shadow - w)

The shadow copy is taken from the weights at the first step.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


class EMARegressor:
    def __init__(self, n_in=5, hidden=20, n_out=2, lr=0.05, momentum=0.9, weight_decay=1e-3,
                 decay=0.9, lam=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in)
        self.b1 = 0.05 * rng.standard_normal(hidden)
        self.W2 = rng.standard_normal((hidden, n_out)) / np.sqrt(hidden)
        self.b2 = 0.05 * rng.standard_normal(n_out)
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.grads = {}
        self.decay, self.lam = decay, lam
        self.shadow = None
        self.num_updates = 0

    def predict(self, X, weights=None):
        w = weights if weights is not None else {k: getattr(self, k) for k in NAMES}
        z1 = X @ w["W1"] + w["b1"]
        a1 = np.maximum(z1, 0.0)
        return a1 @ w["W2"] + w["b2"], z1, a1

    def train_step(self, X, y):
        if self.shadow is None:
            self.shadow = {k: getattr(self, k).copy() for k in NAMES}
        out, z1, a1 = self.predict(X)
        t_out, _, _ = self.predict(X, self.shadow)
        size = out.size
        loss = np.mean((out - y) ** 2) + self.lam * np.mean((out - t_out) ** 2)

        dout = 2.0 * (out - y) / size + 2.0 * self.lam * (out - t_out) / size
        self.grads["W2"] = a1.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dz1 = (dout @ self.W2.T) * (z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)

        for k in NAMES:
            w = getattr(self, k)
            g = self.grads[k] + self.weight_decay * w
            self.velocity[k] = self.momentum * self.velocity[k] + g
            setattr(self, k, w - self.lr * self.velocity[k])

        self.num_updates += 1
        decay = min(self.decay, (1.0 + self.num_updates) / (10.0 + self.num_updates))
        for k in NAMES:
            self.shadow[k] -= (1.0 - decay) * (self.shadow[k] - getattr(self, k))
        return float(loss)
