"""Proportional-odds (cumulative logit) model in NumPy: a linear score f = X w and three ordered
thresholds theta_1 < theta_2 < theta_3, kept ordered by the parametrisation theta = a + [0,
cumsum(exp(d))]. P(y <= k) = sigmoid(theta_k - f); each 'at most k' indicator is a binary
cross-entropy, mean over every (row, threshold). Plain gradient descent.

    X: (n, 4), y: (n, 1) ratings 0..3
"""

import numpy as np

LR = 0.5
K = 4


class OrdinalModel:
    def __init__(self, n_in=4, seed=50):
        rng = np.random.default_rng(seed)
        self.w = rng.normal(0.0, 0.5, (n_in, 1))
        self.a = np.array([-0.8])
        self.d = np.log(np.array([0.7, 0.9]))

    def thresholds(self):
        return self.a + np.concatenate([np.zeros(1, self.d.dtype), np.cumsum(np.exp(self.d))])

    def train_step(self, X, y):
        below = (y <= np.arange(K - 1)).astype(X.dtype)          # (n, K-1): P(y <= k) targets
        f = X @ self.w
        z = self.thresholds() - f
        p = 1.0 / (1.0 + np.exp(-z))
        loss = np.mean(np.logaddexp(0.0, z) - below * z)
        dz = (p - below) / below.size
        dtheta = dz.sum(axis=0)
        dw = X.T @ (-dz.sum(axis=1, keepdims=True))
        da = np.array([dtheta.sum()])
        dd = np.exp(self.d) * np.cumsum(dtheta[::-1])[::-1][1:]
        self.w -= LR * dw
        self.a -= LR * da
        self.d -= LR * dd
        return float(loss)
