"""NumPy ReLU network (5 -> 8 -> 1, sigmoid output, mean squared error, plain gradient descent,
mini-batches of 10, learning rate 0.05). The update line for the biases lost its learning rate:
b -= g, a unit step, while the weights step by lr * g, so every bias moves 1 / lr = 20 times
too far."""

import numpy as np


class ReluSigmoidMSE:
    def __init__(self, X, y, n_hidden=8, lr=0.05):
        rng = np.random.default_rng(125)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = float(np.mean((out - y) ** 2))
        d2 = 2.0 * (out - y) / len(X) * out * (1.0 - out)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        gW1, gb1, gW2, gb2 = X.T @ d1, d1.sum(axis=0), h.T @ d2, d2.sum(axis=0)
        self.W1, self.W2 = self.W1 - self.lr * gW1, self.W2 - self.lr * gW2
        self.b1, self.b2 = self.b1 - gb1, self.b2 - gb2   # BUG: the learning rate: self.b1 - self.lr * gb1, self.b2 - self.lr * gb2
        return loss
