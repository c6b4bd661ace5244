"""Binary classifier with a learning rate per layer, following LeCun et al., "Efficient BackProp":
each layer's rate is the global rate divided by the square root of its fan-in (the number of
inputs of its units). 4 inputs -> 16 tanh units -> 1 sigmoid output, mean binary cross-entropy,
full-batch gradient descent."""

import math

import numpy as np

ETA = 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class FanInRatesNet:
    def __init__(self, n_in=4, n_hidden=16, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (n_in, n_hidden)) / np.sqrt(n_in)
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.uniform(-1, 1, (n_hidden, 1)) / np.sqrt(n_hidden)
        self.b2 = np.zeros(1)
        self.eta1 = ETA / math.sqrt(n_in)      # fan-in of the hidden units
        self.eta2 = ETA / math.sqrt(n_hidden)  # fan-in of the output unit

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - h ** 2)
        self.W2 -= self.eta2 * (h.T @ d2)
        self.b2 -= self.eta2 * d2.sum(axis=0)
        self.W1 -= self.eta1 * (X.T @ d1)
        self.b1 -= self.eta1 * d1.sum(axis=0)
        return loss
