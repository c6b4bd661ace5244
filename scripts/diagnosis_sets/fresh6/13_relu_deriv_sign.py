"""NumPy regressor with two ReLU hidden layers (7 and 5 wide), linear output, mean squared
error, Nesterov momentum in torch's form (v = mu v + g; w -= lr (g + mu v)). The ReLU
derivative helper returns np.sign(z) of the pre-activation, which is -1 rather than 0 for
the inactive units, so their error flows back with the wrong sign instead of stopping."""

import numpy as np


def relu(z):
    return np.maximum(z, 0)


def relu_grad(z):
    return np.sign(z)   # BUG: (z > 0).astype(z.dtype): 1 for active units, 0 for the others


class DeepRelu:
    def __init__(self, X, y, sizes=(7, 5), lr=0.05, mu=0.9):
        rng = np.random.default_rng(13)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.W1, self.W2, self.W3 = (rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(dims, dims[1:]))
        self.b1, self.b2, self.b3 = (np.zeros(b) for b in dims[1:])
        self.lr, self.mu = lr, mu
        self.vel = {}

    def step(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = relu(z1)
        z2 = a1 @ self.W2 + self.b2
        a2 = relu(z2)
        pred = a2 @ self.W3 + self.b3
        d3 = 2 * (pred - y) / pred.size
        d2 = (d3 @ self.W3.T) * relu_grad(z2)
        d1 = (d2 @ self.W2.T) * relu_grad(z1)
        grads = {"W3": a2.T @ d3, "b3": d3.sum(0), "W2": a1.T @ d2, "b2": d2.sum(0),
                 "W1": X.T @ d1, "b1": d1.sum(0)}
        for name, g in grads.items():
            v = self.mu * self.vel.get(name, np.zeros_like(g)) + g
            self.vel[name] = v
            setattr(self, name, getattr(self, name) - self.lr * (g + self.mu * v))
        return float(np.mean((pred - y) ** 2))
