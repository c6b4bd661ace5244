"""NumPy network written sample by sample (ReLU hidden layer, sigmoid output, mean squared
error, plain SGD), weights and biases in two lists. The batch gradient is accumulated row by
row with np.outer; for the first layer's weight the line assigns instead of adding, so after
the loop gW1 holds only the last row's contribution."""

import numpy as np


class OnlineNet:
    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(11)
        self.weights = [rng.normal(0, 0.6, (X.shape[1], hidden)), rng.normal(0, 0.6, (hidden, y.shape[1]))]
        self.biases = [np.zeros(hidden), np.zeros(y.shape[1])]
        self.lr = lr

    def batch_update(self, X, y):
        W1, W2 = self.weights
        b1, b2 = self.biases
        gW1, gW2 = np.zeros_like(W1), np.zeros_like(W2)
        gb1, gb2 = np.zeros_like(b1), np.zeros_like(b2)
        n, k = y.shape
        loss = 0.0
        for x_i, y_i in zip(X, y):
            z1 = x_i @ W1 + b1
            h = np.maximum(z1, 0)
            o = 1 / (1 + np.exp(-(h @ W2 + b2)))
            loss += float(np.sum((o - y_i) ** 2))
            d2 = 2 * (o - y_i) * o * (1 - o) / (n * k)
            d1 = (W2 @ d2) * (z1 > 0)
            gW2 += np.outer(h, d2)
            gb2 += d2
            gW1 = np.outer(x_i, d1)   # BUG: gW1 += np.outer(x_i, d1), accumulated over the rows
            gb1 += d1
        self.weights = [W1 - self.lr * gW1, W2 - self.lr * gW2]
        self.biases = [b1 - self.lr * gb1, b2 - self.lr * gb2]
        return loss / (n * k)
