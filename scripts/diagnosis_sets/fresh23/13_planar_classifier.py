"""Planar data classifier in the style of the deep learning specialisation's notebooks: samples as
columns (X of shape (n_x, m)), a tanh hidden layer of 6 units, a sigmoid output, cross-entropy
cost averaged over the m examples, and gradient descent with momentum
(v = beta v + (1 - beta) dW, W = W - learning_rate v)."""

import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng(2)
    return {"W1": rng.standard_normal((n_h, n_x)) * 0.5, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * 0.5, "b2": np.zeros((n_y, 1))}


def initialize_velocity(parameters):
    return {"d" + key: np.zeros_like(value) for key, value in parameters.items()}


def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    for key in ("W1", "b1", "W2", "b2"):
        v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
        parameters[key] = parameters[key] - learning_rate * v["d" + key]
    return parameters, v


class PlanarClassifier:
    def __init__(self, X, Y, n_h=6, learning_rate=0.5, beta=0.9):
        self.parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        self.v = initialize_velocity(self.parameters)
        self.learning_rate, self.beta = learning_rate, beta

    def train_step(self, X, Y):
        A2, cache = forward_propagation(X, self.parameters)
        m = Y.shape[1]
        cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
        grads = backward_propagation(self.parameters, cache, X, Y)
        self.parameters, self.v = update_parameters_with_momentum(self.parameters, grads, self.v, self.learning_rate, self.beta)   # BUG: self.parameters, self.v = update_parameters_with_momentum(self.parameters, grads, self.v, self.beta, self.learning_rate)
        return cost
