"""A ReLU network trained with the multi-class squared hinge (Weston-Watkins), from scratch in NumPy.

    h = relu(X @ W1 + b1)                   (N, 16)
    s = h @ W2 + b2                         (N, 4) class scores
    loss = sum_n sum_{j != y_n} max(0, margin - s[n, y_n] + s[n, j])^2 / (N * C)

which is torch.nn.functional.multi_margin_loss(s, y, p=2, margin=1.0): the sum
over the wrong classes is divided by the number of classes C, then the mean
is taken over the rows.

SGD with momentum 0.9 and weight decay 5e-4 on every parameter, as
torch.optim.SGD(lr=0.05, momentum=0.9, weight_decay=5e-4): g += wd * w;
velocity = mu * velocity + g; w -= lr * velocity.

    X: float (N, 6), y: int64 (N,) labels in 0..3.
Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 4), b2 (4,).
Optimizer state: self.velocity (keyed like the parameters).
"""

import numpy as np


class HingeMLP:
    def __init__(self, n_in=6, hidden=16, n_classes=4, lr=0.05, momentum=0.9,
                 weight_decay=5e-4, margin=1.0, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in),
            "b1": np.full(hidden, 0.01),
            "W2": rng.standard_normal((hidden, n_classes)) / np.sqrt(hidden),
            "b2": np.zeros(n_classes),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.margin = margin

    def scores(self, X):
        P = self.params
        h = np.maximum(X @ P["W1"] + P["b1"], 0)
        return h @ P["W2"] + P["b2"], h

    def _hinge(self, s, y):
        N, C = s.shape
        rows = np.arange(N)
        correct = s[rows, y][:, None]
        viol = np.maximum(s - correct + self.margin, 0)
        viol[rows, y] = 0                              # the true class is not a violation
        return (viol ** 2).sum() / (N * C), viol

    def loss(self, X, y):
        return self._hinge(self.scores(X)[0], y)[0]

    def backward(self, X, y):
        P = self.params
        N, C = X.shape[0], P["W2"].shape[1]
        s, h = self.scores(X)
        loss, viol = self._hinge(s, y)
        ds = 2 * viol / (N * C)
        ds[np.arange(N), y] = -ds.sum(axis=1)
        self.grads["W2"] = h.T @ ds
        self.grads["b2"] = ds.sum(axis=0)
        dh = ds @ P["W2"].T
        dz = dh * (h > 0)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def update(self):
        for k, w in self.params.items():
            g = self.grads[k] + self.weight_decay * w
            self.velocity[k] = self.momentum * self.velocity[k] + g
            w -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
