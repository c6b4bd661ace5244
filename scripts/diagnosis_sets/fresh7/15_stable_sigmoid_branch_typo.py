"""NumPy binary classifier (sigmoid hidden layer of 5, sigmoid output, binary cross-entropy
summed over the batch, plain SGD) with a "numerically stable" sigmoid that picks a formula by
sign. The negative branch was typed exp(z) / (1 + exp(-z)) where exp(z) / (1 + exp(z)) is
meant: the sigmoid is wrong for every negative pre-activation, in both layers, while the
backward pass keeps the derivative a (1 - a)."""

import numpy as np


def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(-z)))   # BUG: negative branch np.exp(z) / (1 + np.exp(z))


class StableSigmoidNet:
    def __init__(self, X, y, hidden=5, learning_rate=0.05):
        rng = np.random.default_rng(15)
        self.weights_ih = rng.normal(0, 0.6, (X.shape[1], hidden))
        self.bias_h = np.zeros((1, hidden))
        self.weights_ho = rng.normal(0, 0.6, (hidden, 1))
        self.bias_o = np.zeros((1, 1))
        self.learning_rate = learning_rate

    def train(self, X, y):
        hidden = sigmoid(X @ self.weights_ih + self.bias_h)
        p = sigmoid(hidden @ self.weights_ho + self.bias_o)
        loss = float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
        d_out = p - y
        d_hidden = (d_out @ self.weights_ho.T) * hidden * (1 - hidden)
        self.weights_ho -= self.learning_rate * hidden.T @ d_out
        self.bias_o -= self.learning_rate * d_out.sum(axis=0, keepdims=True)
        self.weights_ih -= self.learning_rate * X.T @ d_hidden
        self.bias_h -= self.learning_rate * d_hidden.sum(axis=0, keepdims=True)
        return loss
