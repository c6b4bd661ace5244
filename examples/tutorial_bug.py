"""The same network with the most common bug: the sigmoid derivative taken twice.

sigmoid_derivative here computes σ'(x) = σ(x)(1 - σ(x)), the derivative at a
*pre-activation* x, but backprop feeds it the outputs, which are already
σ of something. It trains, a little differently.

    parity check examples/tutorial_bug.py:NeuralNetwork --output output
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return sigmoid(x) * (1.0 - sigmoid(x))


class NeuralNetwork:
    def __init__(self, x, y):
        self.input = x
        self.weights1 = np.random.rand(self.input.shape[1], 4)
        self.weights2 = np.random.rand(4, 1)
        self.y = y
        self.output = np.zeros(self.y.shape)

    def feedforward(self):
        self.layer1 = sigmoid(np.dot(self.input, self.weights1))
        self.output = sigmoid(np.dot(self.layer1, self.weights2))

    def backprop(self):
        d_weights2 = np.dot(self.layer1.T, (2 * (self.y - self.output) * sigmoid_derivative(self.output)))
        d_weights1 = np.dot(
            self.input.T,
            np.dot(2 * (self.y - self.output) * sigmoid_derivative(self.output), self.weights2.T)
            * sigmoid_derivative(self.layer1),
        )
        self.weights1 += d_weights1
        self.weights2 += d_weights2
