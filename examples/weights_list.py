"""Layers as lists: self.weights[i] and self.biases[i], any number of layers, sigmoid, the mean squared error.

    parity check examples/weights_list.py:Network --init "Network([3, 5, 1])" --loss mse --lr 2.0 --step "net.update(X, y)"
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Network:
    def __init__(self, sizes, eta=2.0):
        rng = np.random.default_rng(5)
        self.sizes = sizes
        self.weights = [rng.standard_normal((a, b)) / np.sqrt(a) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.eta = eta

    def update(self, X, y):
        activations = [X]
        for W, b in zip(self.weights, self.biases):
            activations.append(sigmoid(activations[-1] @ W + b))
        out = activations[-1]
        delta = 2 * (out - y) / y.size * out * (1 - out)
        nabla_w, nabla_b = [None] * len(self.weights), [None] * len(self.biases)
        for layer in range(len(self.weights) - 1, -1, -1):
            nabla_w[layer] = activations[layer].T @ delta
            nabla_b[layer] = delta.sum(axis=0)
            if layer:
                a = activations[layer]
                delta = (delta @ self.weights[layer].T) * a * (1 - a)
        self.weights = [W - self.eta * nw for W, nw in zip(self.weights, nabla_w)]
        self.biases = [b - self.eta * nb for b, nb in zip(self.biases, nabla_b)]
