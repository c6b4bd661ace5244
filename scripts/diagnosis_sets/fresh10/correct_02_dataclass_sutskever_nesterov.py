"""Correct NumPy network in an unusual style: @dataclass layers (4 -> 10 -> 1, ReLU hidden,
sigmoid output, sum of squared errors) that carry their own velocities; the ReLU derivative
is np.sign of the activation (0 or 1, since a >= 0), and Nesterov momentum is written in
Sutskever's form, v = mu v - lr g; W += mu v - lr g, which follows the same trajectory as
torch's v = mu v + g; W -= lr (g + mu v)."""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Dense:
    W: np.ndarray
    b: np.ndarray
    relu: bool = True
    vW: np.ndarray = field(init=False)
    vb: np.ndarray = field(init=False)

    def __post_init__(self):
        self.vW = np.zeros_like(self.W)
        self.vb = np.zeros_like(self.b)

    def __call__(self, x):
        self.x = x
        z = x @ self.W + self.b
        self.a = np.maximum(z, 0) if self.relu else 1.0 / (1.0 + np.exp(-z))
        return self.a

    def local_grad(self):
        return np.sign(self.a) if self.relu else self.a * (1 - self.a)


class Stack:
    def __init__(self, X, y, n_hidden=10, lr=0.01, mu=0.9):
        rng = np.random.default_rng(182)
        self.layers = [Dense(rng.normal(0, 0.5, (X.shape[1], n_hidden)), np.zeros(n_hidden)),
                       Dense(rng.normal(0, 0.5, (n_hidden, 1)), np.zeros(1), relu=False)]
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        out = X
        for layer in self.layers:
            out = layer(out)
        loss = float(np.sum((out - y) ** 2))
        grad = 2.0 * (out - y)
        for layer in reversed(self.layers):
            delta = grad * layer.local_grad()
            grad = delta @ layer.W.T
            for p, v, g in ((layer.W, layer.vW, layer.x.T @ delta), (layer.b, layer.vb, delta.sum(0))):
                v *= self.mu
                v -= self.lr * g
                p += self.mu * v - self.lr * g
        return loss
