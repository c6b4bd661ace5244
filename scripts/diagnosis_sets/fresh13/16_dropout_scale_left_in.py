"""NumPy two-hidden-layer ReLU network (6 -> 8 -> 8 -> 1, sigmoid output, mean squared
error, plain gradient descent, shuffled mini-batches of 8). Dropout was taken out for the
comparison, but only the mask and its backward line were deleted: the first hidden layer
still divides its activations by KEEP_PROB = 0.8, the inverted-dropout rescaling, so the
forward pass feeds 1.25 h1 to the second layer while the backward pass no longer has that
factor on the path to W1 and b1."""

import numpy as np

KEEP_PROB = 0.8


class DeepRelu:
    def __init__(self, X, y, width=8, lr=0.5):
        rng = np.random.default_rng(1316)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0, 0.5, (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0, 0.5, (width, 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1
        h1 = np.maximum(z1, 0.0)
        h1 = h1 / KEEP_PROB   # BUG: no dropout, no rescaling: delete this line
        z2 = h1 @ self.W2 + self.b2
        h2 = np.maximum(z2, 0.0)
        out = 1.0 / (1.0 + np.exp(-(h2 @ self.W3 + self.b3)))
        loss = float(np.mean((out - y) ** 2))
        d3 = 2.0 * (out - y) / n * out * (1.0 - out)
        d2 = (d3 @ self.W3.T) * (z2 > 0)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W3 -= self.lr * (h2.T @ d3)
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * (h1.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return loss
