"""A neural network from scratch: 5 inputs, 8 sigmoid hidden neurons, 1 sigmoid output neuron,
mean squared error, trained by mini-batch gradient descent (learning rate 0.5)."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class NeuralNetwork:
    def __init__(self, X, y, hidden_size=8, learning_rate=0.5):
        np.random.seed(0)
        self.weights1 = np.random.randn(X.shape[1], hidden_size)
        self.bias1 = np.zeros(hidden_size)
        self.weights2 = np.random.randn(hidden_size, 1)
        self.bias2 = np.zeros(1)
        self.learning_rate = learning_rate

    def feedforward(self, X):
        self.hidden = sigmoid(X.dot(self.weights1) + self.bias1)
        self.output = sigmoid(self.hidden.dot(self.weights2) + self.bias2)
        return self.output

    def backprop(self, X, y):
        n = X.shape[0]
        output_error = 2 * (self.output - y) / n
        output_delta = output_error * self.output * (1 - self.output)
        hidden_error = output_delta.dot(self.weights2.T)
        hidden_delta = np.dot(hidden_error, self.hidden * (1 - self.hidden))   # BUG: hidden_delta = hidden_error * self.hidden * (1 - self.hidden)

        self.weights2 -= self.learning_rate * self.hidden.T.dot(output_delta)
        self.bias2 -= self.learning_rate * output_delta.sum(axis=0)
        self.weights1 -= self.learning_rate * X.T.dot(hidden_delta)
        self.bias1 -= self.learning_rate * hidden_delta.sum(axis=0)

    def train(self, X, y):
        self.feedforward(X)
        self.backprop(X, y)
