"""Correct NumPy network written as a mini-framework: Dense and Sigmoid layer objects with
forward/backward methods in one list, a SoftmaxCrossEntropy loss object (summed over the
batch), and a separate Adam optimizer object that keeps its moments keyed by
(layer index, parameter name) and updates the layers' arrays in place."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0, 0.5, (n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad):
        self.dW = self.x.T @ grad
        self.db = grad.sum(axis=0)
        return grad @ self.W.T

    def params(self):
        return {"W": (self.W, self.dW), "b": (self.b, self.db)}


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, grad):
        return grad * self.out * (1 - self.out)

    def params(self):
        return {}


class SoftmaxCrossEntropy:
    def forward(self, z, y):
        z = z - z.max(axis=1, keepdims=True)
        self.p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        self.y = y
        return float(-(y * np.log(self.p)).sum())

    def backward(self):
        return self.p - self.y


class Adam:
    def __init__(self, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.state, self.t = {}, 0

    def step(self, layers):
        self.t += 1
        for i, layer in enumerate(layers):
            for name, (value, grad) in layer.params().items():
                m, v = self.state.get((i, name), (np.zeros_like(grad), np.zeros_like(grad)))
                m = self.beta1 * m + (1 - self.beta1) * grad
                v = self.beta2 * v + (1 - self.beta2) * grad * grad
                self.state[(i, name)] = (m, v)
                m_hat = m / (1 - self.beta1 ** self.t)
                v_hat = v / (1 - self.beta2 ** self.t)
                value -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


class Model:
    def __init__(self, X, y, hidden=7):
        rng = np.random.default_rng(3)
        self.layers = [Dense(X.shape[1], hidden, rng), Sigmoid(), Dense(hidden, y.shape[1], rng)]
        self.loss = SoftmaxCrossEntropy()
        self.optimizer = Adam(lr=0.01)

    def fit_batch(self, X, y):
        h = X
        for layer in self.layers:
            h = layer.forward(h)
        loss = self.loss.forward(h, y)
        grad = self.loss.backward()
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        self.optimizer.step(self.layers)
        return loss
