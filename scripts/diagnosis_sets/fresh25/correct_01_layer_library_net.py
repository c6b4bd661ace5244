"""A small deep-learning library in the style of Data Science from Scratch, chapter 19 ("Deep
Learning"): Layer objects with forward / backward / params / grads, a Sequential that chains
them and yields its parameters and gradients as generators, an SSE loss with loss() and
gradient(), and the chapter's Momentum optimizer (update = mo * update + (1 - mo) * grad, then
param -= lr * update, the updates created on the first step). numpy arrays stand in for the
book's nested lists: weights are stored (output_dim, input_dim) as in the book, and every change
is made in place (param[...] = ...), as the book's param[:] = ... is."""

import numpy as np


class Layer:
    def forward(self, input):
        raise NotImplementedError

    def backward(self, gradient):
        raise NotImplementedError

    def params(self):
        return ()

    def grads(self):
        return ()


class Linear(Layer):
    def __init__(self, input_dim, output_dim, rng):
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.w = rng.normal(0.0, np.sqrt(1.0 / input_dim), (output_dim, input_dim))
        self.b = np.zeros(output_dim)

    def forward(self, input):
        self.input = input
        return input @ self.w.T + self.b

    def backward(self, gradient):
        self.b_grad = gradient.sum(axis=0)
        self.w_grad = gradient.T @ self.input
        return gradient @ self.w

    def params(self):
        return [self.w, self.b]

    def grads(self):
        return [self.w_grad, self.b_grad]


class Tanh(Layer):
    def forward(self, input):
        self.tanh = np.tanh(input)
        return self.tanh

    def backward(self, gradient):
        return (1 - self.tanh ** 2) * gradient


class Sequential(Layer):
    def __init__(self, layers):
        self.layers = layers

    def forward(self, input):
        for layer in self.layers:
            input = layer.forward(input)
        return input

    def backward(self, gradient):
        for layer in reversed(self.layers):
            gradient = layer.backward(gradient)
        return gradient

    def params(self):
        return (param for layer in self.layers for param in layer.params())

    def grads(self):
        return (grad for layer in self.layers for grad in layer.grads())


class SSE:
    def loss(self, predicted, actual):
        return np.sum((predicted - actual) ** 2)

    def gradient(self, predicted, actual):
        return 2 * (predicted - actual)


class Momentum:
    def __init__(self, learning_rate, momentum=0.9):
        self.lr = learning_rate
        self.mo = momentum
        self.updates = []

    def step(self, layer):
        if not self.updates:
            self.updates = [np.zeros_like(grad) for grad in layer.grads()]
        for update, param, grad in zip(self.updates, layer.params(), layer.grads()):
            update[...] = self.mo * update + (1 - self.mo) * grad
            param[...] = param - self.lr * update


class LayerLibraryNet:
    def __init__(self, input_dim=3, hidden_dim=5, seed=0):
        rng = np.random.default_rng(seed)
        self.model = Sequential([Linear(input_dim, hidden_dim, rng), Tanh(), Linear(hidden_dim, 1, rng)])
        self.loss = SSE()
        self.optimizer = Momentum(learning_rate=0.01, momentum=0.9)

    def train_step(self, X, y):
        predicted = self.model.forward(X)
        loss = self.loss.loss(predicted, y)
        gradient = self.loss.gradient(predicted, y)
        self.model.backward(gradient)
        self.optimizer.step(self.model)
        return loss
