"""Two-output regressor in NumPy: 3 -> 8 tanh -> 2 linear, mean squared error over every output,
heavy-ball momentum (v = mu v + g; theta -= lr_t v) with an inverse-time learning-rate decay,
lr_t = LR0 / (1 + DECAY t) after t updates.

    X: (n, 3), y: (n, 2)
"""

import numpy as np

LR0, DECAY, MU = 0.1, 0.3, 0.9


class DecayMomentumNet:
    def __init__(self, sizes=(3, 8, 2), seed=3):
        rng = np.random.default_rng(seed)
        n_in, hidden, n_out = sizes
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.names = ("W1", "b1", "W2", "b2")
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}

        lr = LR0 / (1.0 + DECAY * self.t)
        for k in self.names:
            self.velocity[k] = MU * self.velocity[k] + self.grads[k]
            setattr(self, k, getattr(self, k) - lr * self.velocity[k])
        self.t += 1
        return float(loss)
