"""Deep binary classifier in NumPy: three sigmoid hidden layers (6 -> 7 -> 7 -> 7 -> 1), a
sigmoid output, mean binary cross-entropy, heavy-ball momentum. The sigmoid and its
derivative are computed in the log domain (np.logaddexp) so that large |z| cannot overflow.
"""

import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def sigmoid_grad(z):
    # sigma(z) * (1 - sigma(z)) = exp(log sigma(z) + log sigma(-z))
    return np.exp(-np.logaddexp(0.0, -z) - np.logaddexp(0.0, -z))   # BUG: return np.exp(-np.logaddexp(0.0, -z) - np.logaddexp(0.0, z))


class Layer:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out))
        self.b = np.zeros(n_out)
        self.vW = np.zeros_like(self.W)
        self.vb = np.zeros_like(self.b)


class DeepSigmoidNet:
    def __init__(self, sizes=(6, 7, 7, 7, 1), lr=0.5, mu=0.9, seed=16):
        rng = np.random.default_rng(seed)
        self.layers = [Layer(a, b, rng) for a, b in zip(sizes[:-1], sizes[1:])]
        self.lr, self.mu = lr, mu

    def forward(self, X):
        self.inputs, self.zs = [], []
        a = X
        for layer in self.layers:
            self.inputs.append(a)
            z = a @ layer.W + layer.b
            self.zs.append(z)
            a = sigmoid(z)
        self.out = a
        return a

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        delta = (p - y) / len(X)
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            gW = self.inputs[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ layer.W.T) * sigmoid_grad(self.zs[i - 1])
            layer.vW = self.mu * layer.vW + gW
            layer.vb = self.mu * layer.vb + gb
            layer.W -= self.lr * layer.vW
            layer.b -= self.lr * layer.vb
        return float(loss)
