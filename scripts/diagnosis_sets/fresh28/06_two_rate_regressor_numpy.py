"""Two-output regressor in NumPy with a learning rate per layer: 3 -> 10 ReLU -> 2 linear, mean
squared error, heavy-ball momentum (v = mu v + g; theta -= lr v) at LR_HIDDEN = 0.05 for the
hidden layer and LR_OUT = 0.01 for the output layer (the head is kept slow).

    X: (n, 3), y: (n, 2)
"""

import numpy as np

LR_HIDDEN, LR_OUT, MU = 0.05, 0.01, 0.9


class TwoRateRegressor:
    def __init__(self, n_in=3, hidden=10, n_out=2, seed=6):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.rates = {"W1": LR_HIDDEN, "b1": LR_HIDDEN, "W2": LR_OUT, "b2": LR_OUT}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ p["W2"].T) * (z1 > 0)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}

        for k in p:
            self.velocity[k] = MU * self.velocity[k] + self.grads[k]
            p[k] = p[k] - self.rates[k] * self.velocity[k]
        return float(loss)
