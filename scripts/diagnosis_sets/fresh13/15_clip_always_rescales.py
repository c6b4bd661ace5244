"""NumPy sigmoid network (5 -> 7 -> 1, sigmoid output, mean binary cross-entropy, plain
gradient descent) with gradient clipping by global norm, MAX_NORM = 5.0, a guard that should
never fire at these gradient sizes. The scale was written MAX_NORM / norm without
min(1, ...): every step's gradients are rescaled to a global norm of exactly 5, blown up
whenever their norm is below 5 (always, here)."""

import numpy as np

MAX_NORM = 5.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ClippedNet:
    def __init__(self, X, y, n_hidden=7, lr=0.1):
        rng = np.random.default_rng(1315)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        loss = float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))
        d2 = (out - y) / n
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        norm = np.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
        scale = MAX_NORM / (norm + 1e-6)   # BUG: only ever shrink: min(1.0, MAX_NORM / (norm + 1e-6))
        for k, g in grads.items():
            setattr(self, k, getattr(self, k) - self.lr * scale * g)
        return loss
