"""NumPy binary classifier with three tanh hidden layers (6 -> 8 -> 8 -> 8 -> 1), sigmoid
output unit, mean binary cross-entropy, plain gradient descent. Layers in lists; the forward
loop keeps every pre-activation z and activation for the backward loop."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DeepTanh:
    def __init__(self, X, y, hidden=(8, 8, 8), lr=0.3):
        rng = np.random.default_rng(1010)
        sizes = [X.shape[1], *hidden, y.shape[1]]
        self.W = [rng.normal(0, 1 / np.sqrt(m), (m, k)) for m, k in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(k) for k in sizes[1:]]
        self.lr = lr

    def train_step(self, X, y):
        L = len(self.W)
        a, acts, zs = X, [X], []
        for i in range(L):
            z = a @ self.W[i] + self.b[i]
            zs.append(z)
            a = sigmoid(z) if i == L - 1 else np.tanh(z)
            acts.append(a)

        delta = (acts[-1] - y) / len(X)              # sigmoid + BCE: dL/dz at the output
        for i in reversed(range(L)):
            gW = acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * (1 - np.tanh(z) ** 2)   # BUG: the derivative of layer i's own pre-activation: (1 - np.tanh(zs[i - 1]) ** 2)
            self.W[i] -= self.lr * gW
            self.b[i] -= self.lr * gb
        p = acts[-1]
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
