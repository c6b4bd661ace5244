"""The RBF regressor of rbf_reg_numpy.py written another way (correct).

Squared distances by the expansion ||x||^2 - 2 x.c + ||c||^2 (one matrix product
instead of an (N, K, D) difference), parameters kept as attributes, and momentum
written as a step buffer: d = mu d - lr g, p += d (the same iterates as
v = mu v + g, p -= lr v, with d = -lr v).

Parameters: self.C (K, D), self.s (K,), self.W (K, O), self.b (O,).
"""

import os

import numpy as np


class RBFRegressorExpanded:
    def __init__(self, n_in=3, n_centres=10, n_out=2, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.C = rng.uniform(-1.5, 1.5, size=(n_centres, n_in))
        self.s = 0.8 + 0.4 * rng.random(n_centres)
        self.W = rng.standard_normal((n_centres, n_out)) * 0.5
        self.b = np.zeros(n_out)
        self.names = ("C", "s", "W", "b")
        self.steps = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr = lr
        self.mu = momentum

    def predict(self, X):
        d2 = (X ** 2).sum(axis=1, keepdims=True) - 2 * X @ self.C.T + (self.C ** 2).sum(axis=1)
        phi = np.exp(-0.5 * d2 / self.s ** 2)
        return phi @ self.W + self.b, d2, phi

    def mse(self, X, y):
        return np.mean((self.predict(X)[0] - y) ** 2)

    def fit_step(self, X, y):
        out, d2, phi = self.predict(X)
        err = out - y
        loss = np.mean(err ** 2)
        delta = (2.0 / err.size) * err                         # dL/dout
        g = {"W": phi.T @ delta, "b": delta.sum(axis=0)}
        a = (delta @ self.W.T) * phi                           # dL/dz, z = -d2 / (2 s^2)
        inv_var = 1 / self.s ** 2
        g["s"] = (a * d2).sum(axis=0) * inv_var / self.s
        # dz/dC_k = (x - C_k) / s_k^2 summed over rows: (a^T X - colsum(a) C) / s^2
        g["C"] = (a.T @ X - a.sum(axis=0)[:, None] * self.C) * inv_var[:, None]
        for k in self.names:
            self.steps[k] = self.mu * self.steps[k] - self.lr * g[k]
            setattr(self, k, getattr(self, k) + self.steps[k])
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_reg.npz"))
    X, y = data["X"], data["y"]
    net = RBFRegressorExpanded()
    for step in range(300):
        loss = net.fit_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.5f}")
