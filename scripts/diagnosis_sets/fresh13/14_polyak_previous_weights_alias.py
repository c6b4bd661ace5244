"""NumPy ReLU regressor (5 -> 8 -> 1, linear output, mean squared error) trained with
heavy-ball momentum in Polyak's form, W_next = W - lr g + mu (W - W_prev), which follows the
same path as v = mu v + g; W -= lr v. The weights before the step are kept with
self.prev[name] = w, a reference to the array that the in-place update w += step then
changes: W_prev is W itself, W - W_prev is 0 at every later step, and the momentum term
vanishes (plain gradient descent)."""

import numpy as np


class PolyakRegressor:
    def __init__(self, X, y, n_hidden=8, lr=0.05, mu=0.9):
        rng = np.random.default_rng(1314)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.prev = {}

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = h @ self.W2 + self.b2
        loss = float(np.mean((out - y) ** 2))
        d2 = 2.0 * (out - y) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for name, g in grads.items():
            w = getattr(self, name)
            w_prev = self.prev.get(name)
            if w_prev is None:
                w_prev = w.copy()
            step = -self.lr * g + self.mu * (w - w_prev)
            self.prev[name] = w   # BUG: keep the weights before the step: w.copy()
            w += step
        return loss
