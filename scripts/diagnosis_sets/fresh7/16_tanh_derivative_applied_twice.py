"""NumPy regressor with two tanh hidden layers (7 and 5), linear output and the sum of squared
errors, plain SGD, built from Layer objects whose backward() takes the gradient at the
layer's output and applies the activation's derivative itself. The network's backward loop
was written for an earlier Layer whose backward() expected the pre-activation gradient and
still multiplies by local_grad() before calling it: every hidden delta carries (1 - a^2)^2."""

import numpy as np


class Layer:
    def __init__(self, n_in, n_out, activation, rng):
        self.W = rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out))
        self.b = np.zeros(n_out)
        self.activation = activation

    def forward(self, x):
        self.x = x
        z = x @ self.W + self.b
        self.a = np.tanh(z) if self.activation == "tanh" else z
        return self.a

    def local_grad(self):
        return 1 - self.a ** 2 if self.activation == "tanh" else np.ones_like(self.a)

    def backward(self, grad_a, lr):
        grad_z = grad_a * self.local_grad()
        grad_x = grad_z @ self.W.T
        self.W -= lr * self.x.T @ grad_z
        self.b -= lr * grad_z.sum(axis=0)
        return grad_x


class TanhRegressor:
    def __init__(self, X, y, sizes=(7, 5), lr=0.01):
        rng = np.random.default_rng(16)
        dims = [X.shape[1], *sizes, y.shape[1]]
        acts = ["tanh"] * len(sizes) + ["linear"]
        self.layers = [Layer(a, b, act, rng) for a, b, act in zip(dims, dims[1:], acts)]
        self.lr = lr

    def train_step(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = float(np.sum((out - y) ** 2))
        grad = 2 * (out - y)
        for layer in reversed(self.layers):
            grad = layer.backward(grad * layer.local_grad(), self.lr)   # BUG: backward() applies the derivative itself: layer.backward(grad, self.lr)
        return loss
