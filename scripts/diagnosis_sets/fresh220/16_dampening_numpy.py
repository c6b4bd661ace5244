"""Gradient centralization (Yong et al. 2020) with SGD momentum and weight decay, in NumPy.

A regressor with two ReLU hidden layers, MSE averaged over the batch:

    h1 = relu(X W1 + b1);  h2 = relu(h1 W2 + b2);  yhat = h2 W3 + b3

Gradient centralization: every weight matrix's gradient has its mean over the fan-in removed,
per output unit (W kept (in, out): the mean over axis 0); biases are left alone. Then SGD as
torch.optim.SGD(lr=0.05, momentum=0.9, weight_decay=5e-3): d = g + wd * w (coupled, after the
centralization), buf = mu * buf + d, w -= lr * buf.

    X: float (N, 8), y: float (N, 1).
Parameters: self.params['W1'] (8, 12), 'b1' (12,), 'W2' (12, 10), 'b2' (10,), 'W3' (10, 1), 'b3' (1,).
self.grads holds the centralised gradients.
"""

import numpy as np


class GCRegressor:
    def __init__(self, sizes=(8, 12, 10, 1), lr=0.05, momentum=0.9, weight_decay=5e-3, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))
            self.params[f"b{i}"] = rng.normal(0.0, 0.1, fan_out)
        self.n_layers = len(sizes) - 1
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}

    def forward(self, X):
        acts = [X]
        a = X
        for i in range(1, self.n_layers + 1):
            z = a @ self.params[f"W{i}"] + self.params[f"b{i}"]
            a = np.maximum(z, 0.0) if i < self.n_layers else z
            acts.append(a)
        return acts

    def loss(self, X, y):
        return np.mean((self.forward(X)[-1] - y) ** 2)

    def backward(self, X, y):
        acts = self.forward(X)
        diff = acts[-1] - y
        loss = np.mean(diff ** 2)
        delta = 2.0 * diff / diff.size
        grads = {}
        for i in range(self.n_layers, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                delta = (delta @ self.params[f"W{i}"].T) * (acts[i - 1] > 0)
        return loss, grads

    @staticmethod
    def centralize(grads):
        for k, g in grads.items():
            if g.ndim > 1:
                g -= g.mean(axis=0, keepdims=True)
        return grads

    def sgd(self, grads):
        for k, w in self.params.items():
            d = grads[k] + self.weight_decay * w
            self.velocity[k] = self.momentum * self.velocity[k] + (1.0 - self.momentum) * d
            w -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss, grads = self.backward(X, y)
        self.grads = self.centralize(grads)
        self.sgd(self.grads)
        return float(loss)
