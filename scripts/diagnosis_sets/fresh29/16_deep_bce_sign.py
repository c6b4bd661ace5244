"""Deep network in the style of Andrew Ng's 'Building your Deep Neural Network: Step by Step'
(Course 1, week 4): samples as columns, parameters W1..W3 (n_l, n_{l-1}) and b1..b3 (n_l, 1) in a
dict, [LINEAR -> RELU] x 2 -> LINEAR -> SIGMOID, cross-entropy cost, L_model_backward started from
dAL, the derivative of the cost with respect to AL. train_step takes rows."""

import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    return np.maximum(0, Z), Z


def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


class DeepNet:
    def __init__(self, layer_dims=(3, 6, 5, 1), learning_rate=0.05):
        np.random.seed(1)
        self.parameters = {}
        self.L = len(layer_dims) - 1
        for l in range(1, self.L + 1):
            self.parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
            self.parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        self.learning_rate = learning_rate

    def L_model_forward(self, X):
        caches, A = [], X
        for l in range(1, self.L + 1):
            W, b = self.parameters["W" + str(l)], self.parameters["b" + str(l)]
            Z = np.dot(W, A) + b
            A_prev, (A, activation_cache) = A, (sigmoid(Z) if l == self.L else relu(Z))
            caches.append(((A_prev, W, b), activation_cache))
        return A, caches

    def train_step(self, X_rows, Y_rows):
        X, Y = X_rows.T, Y_rows.T
        m = X.shape[1]
        AL, caches = self.L_model_forward(X)
        cost = float(np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m))

        grads = {}
        dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))   # fix: dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        dA = dAL
        for l in reversed(range(1, self.L + 1)):
            (A_prev, W, b), activation_cache = caches[l - 1]
            dZ = sigmoid_backward(dA, activation_cache) if l == self.L else relu_backward(dA, activation_cache)
            grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
            grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
            dA = np.dot(W.T, dZ)

        for l in range(1, self.L + 1):
            self.parameters["W" + str(l)] -= self.learning_rate * grads["dW" + str(l)]
            self.parameters["b" + str(l)] -= self.learning_rate * grads["db" + str(l)]
        return cost
