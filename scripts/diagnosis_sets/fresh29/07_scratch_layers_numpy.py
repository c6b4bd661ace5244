"""'Neural network from scratch' in the style of the well-known blog post: one class per layer
(Dense, Activation) with forward(input) and backward(output_gradient, learning_rate), each layer
updating its own parameters on the way back, mse / mse_prime functions, and online training, one
sample at a time (here: over the rows of each batch). Weights are (out, in) as in the post;
samples are 1-d vectors."""

import numpy as np


class Dense:
    def __init__(self, input_size, output_size, rng):
        self.weights = rng.standard_normal((output_size, input_size)) * 0.7
        self.bias = np.zeros(output_size)

    def forward(self, input):
        self.input = input
        return self.weights @ self.input + self.bias

    def backward(self, output_gradient, learning_rate):
        weights_gradient = np.outer(output_gradient, self.input)
        input_gradient = self.weights.T @ output_gradient
        self.weights -= learning_rate * weights_gradient
        self.bias -= learning_rate * output_gradient
        return input_gradient


class Activation:
    def __init__(self, activation, activation_prime):
        self.activation, self.activation_prime = activation, activation_prime

    def forward(self, input):
        self.input = input
        return self.activation(self.input)

    def backward(self, output_gradient, learning_rate):
        return np.multiply(output_gradient, self.activation_prime(self.input))


class Tanh(Activation):
    def __init__(self):
        super().__init__(np.tanh, lambda x: 1 - np.tanh(x) ** 2)


def mse(y_true, y_pred):
    return np.mean(np.power(y_true - y_pred, 2))


def mse_prime(y_true, y_pred):
    return 2 * (y_pred - y_true) / np.size(y_true)


class ScratchNet:
    def __init__(self, learning_rate=0.1, seed=7):
        rng = np.random.default_rng(seed)
        self.network = [Dense(3, 6, rng), Tanh(), Dense(6, 1, rng)]
        self.learning_rate = learning_rate

    def predict(self, x):
        output = x
        for layer in self.network:
            output = layer.forward(output)
        return output

    def train_step(self, X, Y):
        error = 0.0
        for x, y in zip(X, Y):
            output = self.predict(x)
            error += mse(y, output)
            grad = mse_prime(y, output)
            for layer in reversed(self.network):
                grad = layer.backward(grad, self.learning_rate)
        return error / len(X)
