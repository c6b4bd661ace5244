"""A fully-connected network built from a configuration: the layer sizes and one activation
name per layer, looked up in small tables of activations and their derivatives (written in
terms of the layer's output a). Here 4 -> 8 tanh -> 8 tanh -> 2 identity, mean squared error,
gradient descent at 0.1."""

import numpy as np

ACTIVATIONS = {
    "tanh": np.tanh,
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "identity": lambda z: z,
}
DERIVATIVES = {
    "tanh": lambda a: 1.0 - a ** 2,
    "sigmoid": lambda a: a * (1.0 - a),
    "identity": lambda a: np.ones_like(a),
}


class ConfigNetwork:
    def __init__(self, sizes=(4, 8, 8, 2), activations=("tanh", "tanh", "identity"), lr=0.1, seed=13):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 1.0 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.activation = [ACTIVATIONS[name] for name in activations]
        self.derivative = [lambda a: DERIVATIVES[name](a) for name in activations]   # BUG: self.derivative = [DERIVATIVES[name] for name in activations]
        self.lr = lr

    def forward(self, X):
        self.outputs = [X]
        for W, b, f in zip(self.weights, self.biases, self.activation):
            self.outputs.append(f(self.outputs[-1] @ W + b))
        return self.outputs[-1]

    def train_step(self, X, y):
        out = self.forward(X)
        grad = 2.0 * (out - y) / out.size
        for i in reversed(range(len(self.weights))):
            delta = grad * self.derivative[i](self.outputs[i + 1])
            grad = delta @ self.weights[i].T
            self.weights[i] -= self.lr * self.outputs[i].T @ delta
            self.biases[i] -= self.lr * delta.sum(axis=0)
        return float(np.mean((out - y) ** 2))
