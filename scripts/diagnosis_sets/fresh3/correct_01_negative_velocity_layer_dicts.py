"""Correct NumPy network in an unusual style: layers as a list of dicts ({'W': ..., 'b': ...}),
tanh hidden layer, binary cross-entropy, and momentum in the 'velocity holds the step' form
v = mu v - lr g; W += v, which for a constant learning rate is exactly torch's
SGD(momentum=mu) (v = -lr * momentum_buffer)."""

import numpy as np


class LayerDictNet:
    def __init__(self, X, y, hidden=5, lr=0.2, mu=0.9):
        rng = np.random.default_rng(17)
        self.layers = [
            {"W": rng.normal(0, 0.5, (X.shape[1], hidden)), "b": np.zeros(hidden)},
            {"W": rng.normal(0, 0.5, (hidden, y.shape[1])), "b": np.zeros(y.shape[1])},
        ]
        self.vel = None   # created at the first update, like the parameters it follows
        self.lr, self.mu = lr, mu

    def update(self, X, y):
        L1, L2 = self.layers
        h = np.tanh(X @ L1["W"] + L1["b"])
        p = 1.0 / (1.0 + np.exp(-(h @ L2["W"] + L2["b"])))
        n = len(X)
        dz2 = (p - y) / n
        dz1 = dz2 @ L2["W"].T * (1.0 - h * h)
        grads = [{"W": X.T @ dz1, "b": dz1.sum(0)}, {"W": h.T @ dz2, "b": dz2.sum(0)}]
        if self.vel is None:
            self.vel = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        for layer, vel, grad in zip(self.layers, self.vel, grads):
            for k in layer:
                vel[k] = self.mu * vel[k] - self.lr * grad[k]
                layer[k] = layer[k] + vel[k]
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
