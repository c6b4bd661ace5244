"""Binary classifier in NumPy on inputs of large magnitude: 4 -> 8 tanh -> 1 logit. The mean
binary cross-entropy is computed from the logit in its stable form, softplus(z) - y z through
np.logaddexp, and its gradient (sigmoid(z) - y) / n with a sigmoid that never overflows;
plain gradient descent at 0.1.

    X: (n, 4), y: 0/1 (n, 1)
"""

import numpy as np

LR = 0.1


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


class SaturatedLogistic:
    def __init__(self, n_in=4, hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 4.0, (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        loss = np.mean(np.logaddexp(0.0, z) - y * z)

        d_z = (sigmoid(z) - y) / len(X)
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_z)
        self.b2 -= LR * d_z.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        return float(loss)
