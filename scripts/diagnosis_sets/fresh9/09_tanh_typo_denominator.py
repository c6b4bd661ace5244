"""NumPy network with a hand-written tanh (4 -> 6 -> 1, tanh hidden layer, sigmoid output, half
the sum of squared errors, plain gradient descent), the activations written out from their
exponential definitions. The tanh's denominator reads np.exp(z) + np.exp(z) where
np.exp(z) + np.exp(-z) was meant: the hidden activation is (1 - exp(-2z)) / 2, not tanh(z),
and the backward pass applies 1 - a^2 to that value."""

import numpy as np


def tanh(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(z))   # BUG: (np.exp(z) + np.exp(-z))


def logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


class TanhNet:
    def __init__(self, X, y, n_hidden=6, lr=0.5):
        rng = np.random.default_rng(90)
        self.w_ih = rng.uniform(-0.5, 0.5, (X.shape[1], n_hidden))
        self.b_h = np.zeros(n_hidden)
        self.w_ho = rng.uniform(-0.5, 0.5, (n_hidden, y.shape[1]))
        self.b_o = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        hidden = tanh(X @ self.w_ih + self.b_h)
        out = logistic(hidden @ self.w_ho + self.b_o)
        err = out - y
        loss = 0.5 * float(np.sum(err ** 2))
        d_out = err * out * (1 - out)
        d_hid = (d_out @ self.w_ho.T) * (1 - hidden ** 2)
        self.w_ho -= self.lr * hidden.T @ d_out
        self.b_o -= self.lr * d_out.sum(axis=0)
        self.w_ih -= self.lr * X.T @ d_hid
        self.b_h -= self.lr * d_hid.sum(axis=0)
        return loss
