"""Smooth-surface regressor from scratch with softplus hidden units, softplus(z) = log(1 + e^z)
computed as np.logaddexp(0, z), whose derivative is the logistic function, written here as
0.5 * (1 + tanh(z / 2)). 2 inputs -> 12 softplus -> 1 linear output, half mean squared error.
Nesterov momentum in Sutskever's form: v = MU v - LR g; w += MU v - LR g."""

import numpy as np

LR = 0.1
MU = 0.9


class SoftplusRegressor:
    def __init__(self, n_in=2, hidden=12, seed=19):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, 1))
        self.b2 = np.zeros(1)
        self.inertia = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.logaddexp(0.0, z1)
        out = h @ self.W2 + self.b2
        loss = 0.5 * np.mean((out - y) ** 2)

        d_out = (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * 0.5 * (1.0 + np.tanh(0.5 * z1))
        grads = {"W2": h.T @ d_out, "b2": d_out.sum(axis=0), "W1": X.T @ d_z1, "b1": d_z1.sum(axis=0)}
        for k, g in grads.items():
            self.inertia[k] = MU * self.inertia[k] - LR * g
            getattr(self, k)[...] += MU * self.inertia[k] - LR * g
        return float(loss)
