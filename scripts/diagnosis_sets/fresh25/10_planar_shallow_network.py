"""The deep learning course's week 3 notebook, "planar data classification with one hidden layer",
kept as its helper functions: examples are the COLUMNS of X (shape (n_x, m)) and Y (1, m), weights
W1 (n_h, n_x) and W2 (n_y, n_h), biases (n, 1), tanh hidden units, a sigmoid output, the
cross-entropy cost averaged over the m examples, gradient descent. PlanarNetwork wraps them for
data that comes one example per row."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    return float(np.squeeze(cost))


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


class PlanarNetwork:
    def __init__(self, n_x=3, n_h=4, n_y=1, learning_rate=1.2):
        self.n_x, self.n_y = n_x, n_y
        self.parameters = initialize_parameters(n_x, n_h, n_y)
        self.learning_rate = learning_rate

    def train_step(self, X_rows, Y_rows):
        m = X_rows.shape[0]
        X = X_rows.reshape(self.n_x, m)   # BUG: X = X_rows.T
        Y = Y_rows.reshape(self.n_y, m)
        A2, cache = forward_propagation(X, self.parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(self.parameters, cache, X, Y)
        self.parameters = update_parameters(self.parameters, grads, self.learning_rate)
        return cost
