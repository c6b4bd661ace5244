"""Second-order factorization machine for click prediction, by hand in NumPy (Rendle 2010):
score = w0 + x.w + sum_{a<b} <V_a, V_b> x_a x_b, the pairwise part through the sum-square identity
0.5 * sum_f ((x V)_f^2 - (x^2)(V^2)_f). Mean BCE on the score (logit), plain SGD.

    X: float (n, 6), y: float (n, 1) clicks
"""

import numpy as np

D, K = 6, 3


class FactorizationMachine:
    def __init__(self, lr=0.5, seed=4):
        rng = np.random.default_rng(seed)
        self.w0 = np.zeros(1)
        self.w = rng.normal(0.0, 0.1, D)
        self.V = rng.normal(0.0, 0.4, (D, K))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        t = y[:, 0]
        XV = X @ self.V
        pairwise = 0.5 * (XV ** 2 - (X ** 2) @ (self.V ** 2)).sum(axis=1)
        s = self.w0 + X @ self.w + pairwise
        p = 1.0 / (1.0 + np.exp(-s))
        loss = np.mean(np.logaddexp(0.0, s) - t * s)

        d = (p - t) / n
        g_w0 = np.array([d.sum()])
        g_w = X.T @ d
        g_V = X.T @ (d[:, None] * XV) - self.V * ((X ** 2).T @ d)[:, None]

        self.w0 -= self.lr * g_w0
        self.w -= self.lr * g_w
        self.V -= self.lr * g_V
        return float(loss)
