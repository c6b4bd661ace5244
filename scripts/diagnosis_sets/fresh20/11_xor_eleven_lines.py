"""The "neural network in eleven lines" XOR example, wrapped in a class: three inputs (the
third is the constant 1), four sigmoid hidden units, one sigmoid output, no biases, the
squared-error cost, weights updated with learning rate 1."""

import numpy as np


def nonlin(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


class ElevenLineNet:
    def __init__(self, n_hidden=4):
        np.random.seed(1)
        self.syn0 = 2 * np.random.random((3, n_hidden)) - 1
        self.syn1 = 2 * np.random.random((n_hidden, 1)) - 1

    def train(self, X, y):
        l0 = X
        l1 = nonlin(np.dot(l0, self.syn0))
        l2 = nonlin(np.dot(l1, self.syn1))
        self.l2 = l2

        l2_error = (y - l2) ** 2   # BUG: l2_error = y - l2
        l2_delta = l2_error * nonlin(l2, deriv=True)

        l1_error = l2_delta.dot(self.syn1.T)
        l1_delta = l1_error * nonlin(l1, deriv=True)

        self.syn1 += l1.T.dot(l2_delta)
        self.syn0 += l0.T.dot(l1_delta)
