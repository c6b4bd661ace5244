"""NumPy tanh regressor with two hidden layers (4 -> 7 -> 5 -> 1, linear output, half the sum of
squared errors, plain gradient descent). The second hidden layer's pre-activation was typed
without its bias, h1 @ W2, while the backward pass computes b2's gradient and the update moves
b2 as if it were used: b2 trains but never enters the forward pass, and the layer's
pre-activations lack it from the first step."""

import numpy as np


class TwoTanhRegressor:
    def __init__(self, X, y, widths=(7, 5), lr=0.01):
        rng = np.random.default_rng(123)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], widths[0]))
        self.b1 = np.zeros(widths[0])
        self.W2 = rng.normal(0, 0.5, (widths[0], widths[1]))
        self.b2 = np.zeros(widths[1])
        self.W3 = rng.normal(0, 0.5, (widths[1], 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h1 = np.tanh(X @ self.W1 + self.b1)
        self.h2 = np.tanh(self.h1 @ self.W2)   # BUG: the layer's bias: np.tanh(self.h1 @ self.W2 + self.b2)
        return self.h2 @ self.W3 + self.b3

    def train_step(self, X, y):
        out = self.forward(X)
        err = out - y
        loss = float(0.5 * np.sum(err ** 2))
        d3 = err
        d2 = (d3 @ self.W3.T) * (1.0 - self.h2 ** 2)
        d1 = (d2 @ self.W2.T) * (1.0 - self.h1 ** 2)
        for W, b, a, d in ((self.W3, self.b3, self.h2, d3), (self.W2, self.b2, self.h1, d2),
                           (self.W1, self.b1, X, d1)):
            W -= self.lr * (a.T @ d)
            b -= self.lr * d.sum(axis=0)
        return loss
