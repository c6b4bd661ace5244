"""Ordinal rating model in NumPy (CORAL-style cumulative logits): 4 -> 6 tanh -> one shared score
f, and three rising thresholds theta; task k asks "is the rating above k?" with the logit
f - theta_k, each task a binary cross-entropy, mean over every (row, task). Plain gradient descent.

    X: (n, 4), y: (n, 1) ratings 0..3
"""

import numpy as np

LR = 0.5
K = 4


class RatingModel:
    def __init__(self, n_in=4, hidden=6, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.w = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.theta = np.linspace(-1.0, 1.0, K - 1)

    def train_step(self, X, y):
        levels = (y > np.arange(K - 1)).astype(float)       # (n, K-1): rating above k
        h = np.tanh(X @ self.W1 + self.b1)
        f = h @ self.w
        z = f - self.theta
        p = 1.0 / (1.0 + np.exp(-z))
        loss = np.mean(np.logaddexp(0.0, z) - levels * z)
        dz = (p - levels) / levels.size
        d_theta = -dz.sum(axis=0)
        df = dz.sum(axis=1, keepdims=True)
        dw = h.T @ df
        dh = (df @ self.w.T) * (1 - h ** 2)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        self.w -= LR * dw
        self.theta -= LR * d_theta
        return float(loss)
