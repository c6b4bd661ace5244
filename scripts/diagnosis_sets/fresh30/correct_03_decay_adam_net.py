"""Two-output regression network from scratch with Adam and an L2 penalty 0.5 * WD * ||theta||^2 on
every parameter (its gradient WD * theta added before the moments), 5 -> 10 ReLU -> 2 linear, MSE.
The ReLU derivative is np.heaviside(z, 0.0); the moments are kept in lists beside a list of the
parameters' names.
"""

import numpy as np


class DecayAdamNet:
    def __init__(self, lr=0.01, wd=0.01, seed=33):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (5, 10))
        self.b1 = np.zeros(10)
        self.W2 = rng.normal(0.0, 0.3, (10, 2))
        self.b2 = np.zeros(2)
        self.order = ["W1", "b1", "W2", "b2"]
        self.m = [np.zeros_like(getattr(self, k)) for k in self.order]
        self.v = [np.zeros_like(getattr(self, k)) for k in self.order]
        self.lr, self.wd, self.t = lr, wd, 0

    def train_step(self, X, y):
        z = X @ self.W1 + self.b1
        h = np.maximum(z, 0.0)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2) + 0.5 * self.wd * sum(np.sum(getattr(self, k) ** 2) for k in self.order)
        d_out = 2.0 * (out - y) / out.size
        d_z = (d_out @ self.W2.T) * np.heaviside(z, 0.0)
        grads = [X.T @ d_z, d_z.sum(0), h.T @ d_out, d_out.sum(0)]

        self.t += 1
        c1, c2 = 1.0 - 0.9 ** self.t, 1.0 - 0.999 ** self.t
        for i, k in enumerate(self.order):
            theta = getattr(self, k)
            g = grads[i] + self.wd * theta
            self.m[i] = 0.9 * self.m[i] + 0.1 * g
            self.v[i] = 0.999 * self.v[i] + 0.001 * np.square(g)
            setattr(self, k, theta - self.lr * (self.m[i] / c1) / (np.sqrt(self.v[i] / c2) + 1e-8))
        return float(loss)
