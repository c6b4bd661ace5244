"""Ridge regression in NumPy: y ~ X w + b, loss mean squared error + LAM ||w||^2, the intercept b
not penalised (the usual convention). Gradient descent.

    X: (n, 5), y: (n, 1)
"""

import numpy as np

LR = 0.1
LAM = 0.1


class RidgeModel:
    def __init__(self, n_in=5, seed=55):
        rng = np.random.default_rng(seed)
        self.w = rng.normal(0.0, 0.3, (n_in, 1))
        self.b = np.array([0.5])

    def train_step(self, X, y):
        r = X @ self.w + self.b - y
        loss = np.mean(r ** 2) + LAM * np.sum(self.w ** 2)
        dw = 2.0 * (X.T @ r) / len(X) + 2.0 * LAM * self.w
        db = 2.0 * r.sum(axis=0) / len(X)
        self.w -= LR * dw
        self.b -= LR * db
        return float(loss)
