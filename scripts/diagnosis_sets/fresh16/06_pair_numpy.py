"""Softmax classifier in NumPy: 5 inputs, two sigmoid hidden layers (9 and 7), 3 classes,
mean cross-entropy, gradient descent at 0.5. Parameters in a dict; log-softmax with the row
max taken out."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class SigmoidSoftmax:
    def __init__(self, n_in=5, h1=9, h2=7, n_out=3, lr=0.5, seed=6):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, 0.5, (n_in, h1)), "b1": np.zeros(h1),
            "W2": rng.normal(0, 0.5, (h1, h2)), "b2": np.zeros(h2),
            "W3": rng.normal(0, 0.5, (h2, n_out)), "b3": np.zeros(n_out),
        }
        self.lr = lr

    def loss(self, X, y):
        p = self.params
        h1 = sigmoid(X @ p["W1"] + p["b1"])
        h2 = sigmoid(h1 @ p["W2"] + p["b2"])
        return float(-(y * log_softmax(h2 @ p["W3"] + p["b3"])).sum(axis=1).mean())

    def train_step(self, X, y):
        p = self.params
        h1 = sigmoid(X @ p["W1"] + p["b1"])
        h2 = sigmoid(h1 @ p["W2"] + p["b2"])
        logp = log_softmax(h2 @ p["W3"] + p["b3"])
        loss = -(y * logp).sum(axis=1).mean()
        d3 = (np.exp(logp) - y) / len(X)
        d2 = (d3 @ p["W3"].T) * h2 * (1 - h2)
        d1 = (d2 @ p["W2"].T) * h1 * (1 - h1)
        self.grads = {"W3": h2.T @ d3, "b3": d3.sum(axis=0), "W2": h1.T @ d2, "b2": d2.sum(axis=0),
                      "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        for k, g in self.grads.items():
            p[k] -= self.lr * g
        return float(loss)
