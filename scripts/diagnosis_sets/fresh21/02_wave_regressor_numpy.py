"""Regression MLP from scratch on a smooth 3-d surface: 3 -> 16 ReLU -> 12 ReLU -> 1 linear,
mean squared error, gradient descent with the textbook inverse-time decay of the learning
rate, lr_t = LR0 / (1 + DECAY * t) at iteration t = 1, 2, 3, ..."""

import numpy as np

LR0 = 0.05
DECAY = 0.05


class WaveRegressor:
    def __init__(self, X, y, widths=(16, 12)):
        rng = np.random.default_rng(1)
        sizes = [X.shape[1], *widths, y.shape[1]]
        self.W = [rng.normal(0.0, np.sqrt(2.0 / m), (m, k)) for m, k in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(k) for k in sizes[1:]]
        self.iteration = 0

    def train_step(self, X, y):
        self.iteration += 1
        lr = LR0 / (1.0 + DECAY * self.iteration)

        # forward pass, keeping each layer's input and pre-activation
        inputs, zs = [], []
        a = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            inputs.append(a)
            z = a @ W + b
            zs.append(z)
            a = np.maximum(z, 0.0) if i < len(self.W) - 1 else z

        err = a - y
        loss = np.mean(err ** 2)

        # backward pass and update, last layer first
        delta = 2.0 * err / err.size
        for i in reversed(range(len(self.W))):
            gW = inputs[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * (zs[i - 1] > 0)
            self.W[i] -= lr * gW
            self.b[i] -= lr * gb
        return float(loss)
