"""The classic two-layer XOR network (after "A Neural Network in 11 lines of Python"): 4 sigmoid
hidden units, one sigmoid output, no biases, full-batch updates with a step size of 1."""

import numpy as np


def nonlin(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


class NeuralNetwork:
    def __init__(self, X, y, hidden=4):
        np.random.seed(1)
        self.syn0 = 2 * np.random.random((X.shape[1], hidden)) - 1
        self.syn1 = 2 * np.random.random((hidden, 1)) - 1

    def train(self, X, y):
        l0 = X
        l1 = nonlin(np.dot(l0, self.syn0))
        l2 = nonlin(np.dot(l1, self.syn1))

        l2_error = y - l2
        l2_delta = l2_error * nonlin(l2, deriv=True)

        l1_error = l2_delta.dot(self.syn1.T)
        l1_delta = l1_error * nonlin(l1)   # BUG: l1_delta = l1_error * nonlin(l1, deriv=True)

        self.syn1 += l1.T.dot(l2_delta)
        self.syn0 += l0.T.dot(l1_delta)
