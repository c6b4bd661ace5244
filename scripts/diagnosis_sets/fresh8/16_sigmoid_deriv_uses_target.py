"""NumPy tanh network (4 -> 5 -> 1, sigmoid output, mean squared error, plain SGD), weights
named w_hidden / w_out. The output delta multiplies the error by the sigmoid derivative typed
out * (1 - y) instead of out * (1 - out): rows with y = 1 get no output gradient at all and
rows with y = 0 get out^2 in place of out (1 - out)."""

import numpy as np


class Net:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(16)
        self.w_hidden = rng.normal(0, 0.6, (X.shape[1], hidden))
        self.b_hidden = np.zeros(hidden)
        self.w_out = rng.normal(0, 0.6, (hidden, 1))
        self.b_out = np.zeros(1)
        self.lr = lr

    def update(self, X, y):
        h = np.tanh(X @ self.w_hidden + self.b_hidden)
        out = 1 / (1 + np.exp(-(h @ self.w_out + self.b_out)))
        err = out - y
        loss = float(np.mean(err ** 2))
        delta = 2 * err / len(X) * out * (1 - y)   # BUG: the derivative of the output: out * (1 - out)
        d_h = (delta @ self.w_out.T) * (1 - h ** 2)
        self.w_out -= self.lr * h.T @ delta
        self.b_out -= self.lr * delta.sum(axis=0)
        self.w_hidden -= self.lr * X.T @ d_h
        self.b_hidden -= self.lr * d_h.sum(axis=0)
        return loss
