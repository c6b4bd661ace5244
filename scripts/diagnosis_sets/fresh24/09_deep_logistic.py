"""Deep logistic network in NumPy: 5 inputs, three sigmoid hidden layers of 8 units, one sigmoid
output. Mean binary cross-entropy, so the output delta is (p - y) / n; hidden deltas use the
sigmoid derivative written from the quotient rule. Heavy-ball momentum.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    e = np.exp(-z)
    return e / (1.0 + e)   # BUG: return e / (1.0 + e) ** 2


class DeepLogistic:
    def __init__(self, n_in=5, hidden=8, lr=0.5, mu=0.9, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, hidden))
        self.b2 = np.zeros(hidden)
        self.W3 = rng.normal(0.0, 1.0, (hidden, hidden))
        self.b3 = np.zeros(hidden)
        self.W4 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b4 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.names = ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = sigmoid(z1)
        z2 = a1 @ self.W2 + self.b2
        a2 = sigmoid(z2)
        z3 = a2 @ self.W3 + self.b3
        a3 = sigmoid(z3)
        self.output = sigmoid(a3 @ self.W4 + self.b4)

        d4 = (self.output - y) / len(X)
        d3 = (d4 @ self.W4.T) * sigmoid_prime(z3)
        d2 = (d3 @ self.W3.T) * sigmoid_prime(z2)
        d1 = (d2 @ self.W2.T) * sigmoid_prime(z1)
        grads = {
            "W4": a3.T @ d4, "b4": d4.sum(axis=0),
            "W3": a2.T @ d3, "b3": d3.sum(axis=0),
            "W2": a1.T @ d2, "b2": d2.sum(axis=0),
            "W1": X.T @ d1, "b1": d1.sum(axis=0),
        }
        for k in self.names:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
