"""Wide & deep click model by hand (Cheng et al. 2016): a linear ("wide") part X w + c plus a deep
part relu(X W1 + b1) W2 (no output bias: the wide part carries it), summed into one logit. Mean
BCE, plain SGD; the logit's gradient goes to both parts.

    X: float (n, 6), y: float (n, 1) clicks
"""

import numpy as np


class WideDeep:
    def __init__(self, lr=0.5, seed=8):
        rng = np.random.default_rng(seed)
        self.w = rng.normal(0.0, 0.2, (6, 1))
        self.c = np.zeros(1)
        self.W1 = rng.normal(0.0, 0.5, (6, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.4, (8, 1))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        wide = X @ self.w + self.c
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        deep = h @ self.W2
        logit = wide + deep
        p = 1.0 / (1.0 + np.exp(-logit))
        loss = np.mean(np.logaddexp(0.0, logit) - y * logit)

        d_logit = (p - y) / n
        d_wide = d_deep = d_logit
        dw = X.T @ d_wide
        dc = d_wide.sum(axis=0)
        dW2 = h.T @ d_deep
        dz1 = (d_deep @ self.W2.T) * (z1 > 0)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)

        self.w -= self.lr * dw
        self.c -= self.lr * dc
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        return float(loss)
