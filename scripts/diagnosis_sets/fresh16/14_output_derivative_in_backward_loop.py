"""NumPy regressor with two tanh hidden layers and a linear output (4 -> 10 -> 6 -> 2), half
mean squared error, gradient descent. Layers in lists; forward keeps the activations, and one
loop walks back through the layers: activation derivative, then the layer's gradients, then
the error for the layer below."""

import numpy as np


class TanhStack:
    def __init__(self, X, y, hidden=(10, 6), lr=0.1):
        rng = np.random.default_rng(1414)
        sizes = [X.shape[1], *hidden, y.shape[1]]
        self.W = [rng.normal(0, 1 / np.sqrt(m), (m, k)) for m, k in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(k) for k in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.a = [X]
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = self.a[-1] @ W + b
            self.a.append(z if i == len(self.W) - 1 else np.tanh(z))
        return self.a[-1]

    def train_step(self, X, y):
        out = self.forward(X)
        grad = (out - y) / y.size                       # d(half MSE)/d(out)
        for i in reversed(range(len(self.W))):
            grad = grad * (1 - self.a[i + 1] ** 2)      # BUG: the output layer is linear, no tanh derivative there: grad = grad * (1 - self.a[i + 1] ** 2) if i < len(self.W) - 1 else grad
            gW, gb = self.a[i].T @ grad, grad.sum(axis=0)
            grad = grad @ self.W[i].T
            self.W[i] -= self.lr * gW
            self.b[i] -= self.lr * gb
        return 0.5 * np.mean((out - y) ** 2)
