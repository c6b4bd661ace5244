"""A neural network from scratch for the two-moons data set (blog-post style): 2 inputs, 6
sigmoid hidden neurons, one sigmoid output neuron, binary cross-entropy averaged over the batch,
gradient descent with learning rate 0.5."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class MoonsNetwork:
    def __init__(self, X, y, hidden_neurons=6, learning_rate=0.5):
        np.random.seed(42)
        self.w_hidden = np.random.randn(X.shape[1], hidden_neurons)
        self.b_hidden = np.zeros((1, hidden_neurons))
        self.w_out = np.random.randn(hidden_neurons, 1)
        self.b_out = np.zeros((1, 1))
        self.lr = learning_rate

    def forward(self, X):
        self.hidden = sigmoid(np.dot(X, self.w_hidden) + self.b_hidden)
        self.prediction = sigmoid(np.dot(self.hidden, self.w_out) + self.b_out)
        return self.prediction

    def backward(self, X, y):
        n = X.shape[0]
        error_out = (self.prediction - y) / n
        error_hidden = np.dot(error_out, self.w_out.T) * self.hidden * (1 - self.hidden)

        grad_w_out = np.dot(self.hidden.T, error_out)
        grad_b_out = np.sum(error_out, axis=0, keepdims=True)
        grad_w_hidden = np.dot(X.T, error_hidden)
        grad_b_hidden = np.sum(error_hidden, axis=0, keepdims=True)

        self.w_out =- self.lr * grad_w_out   # BUG: self.w_out -= self.lr * grad_w_out
        self.b_out -= self.lr * grad_b_out
        self.w_hidden -= self.lr * grad_w_hidden
        self.b_hidden -= self.lr * grad_b_hidden

    def train(self, X, y):
        self.forward(X)
        self.backward(X, y)
