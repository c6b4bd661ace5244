"""Multi-label tagger in NumPy: 5 -> 8 tanh -> 3 independent sigmoids, one per tag. The tags are
rare, so each positive term of the binary cross-entropy is weighted by pos_weight = n_neg / n_pos
of its tag (counted on the batch), mean over every (row, tag), plain gradient descent.

    X: (n, 5), y: (n, 3) of 0/1
"""

import numpy as np

LR = 0.5


def softplus(z):
    return np.logaddexp(0.0, z)


class Tagger:
    def __init__(self, n_in=5, hidden=8, n_tags=3, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_tags))
        self.b2 = np.zeros(n_tags)

    def train_step(self, X, y):
        pos = y.sum(axis=0)
        pw = (len(y) - pos) / pos
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        p = 1.0 / (1.0 + np.exp(-z))
        loss = np.mean(pw * y * softplus(-z) + (1 - y) * softplus(z))
        dz = ((pw * y + 1 - y) * p - pw * y) / y.size
        dW2, db2 = h.T @ dz, dz.sum(axis=0)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        dW1, db1 = X.T @ dh, dh.sum(axis=0)
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
