"""Two-output regressor trained with Adadelta written from Zeiler (2012), Algorithm 1: no learning
rate, the step is RMS[dx]_{t-1} / RMS[g]_t * g with RMS[z] = sqrt(E[z^2] + eps).
4 -> 12 tanh -> 2 linear, mean squared error over every output.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

RHO, EPS = 0.9, 1e-6


class AdadeltaRegressor:
    def __init__(self, sizes=(4, 12, 2), seed=2):
        rng = np.random.default_rng(seed)
        a, h, o = sizes
        self.W1 = rng.normal(0.0, np.sqrt(1.0 / a), (a, h))
        self.b1 = np.zeros(h)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / h), (h, o))
        self.b2 = np.zeros(o)
        self.names = ("W1", "b1", "W2", "b2")
        self.acc_grad = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.acc_dx = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        grads = {"W2": h.T @ d_out, "b2": d_out.sum(axis=0), "W1": X.T @ d_h, "b1": d_h.sum(axis=0)}
        self.grads = grads

        for k in self.names:
            g = grads[k]
            self.acc_grad[k] = RHO * self.acc_grad[k] + (1.0 - RHO) * g ** 2
            dx = np.sqrt(self.acc_dx[k] + EPS) / np.sqrt(self.acc_grad[k] + EPS) * g
            self.acc_dx[k] = RHO * self.acc_dx[k] + (1.0 - RHO) * dx ** 2
            setattr(self, k, getattr(self, k) - dx)
        return float(loss)
