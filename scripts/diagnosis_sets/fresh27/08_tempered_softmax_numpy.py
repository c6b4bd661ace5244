"""Softmax regression with a temperature in NumPy: scores z = X W + b for 3 classes,
probabilities softmax(z / T) with T = 2 (softened, as in the distillation lecture), the mean
cross-entropy over the rows; the gradient of the scores is (p - y) / (n T). Mini-batch
gradient descent.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

TEMPERATURE = 2.0


class TemperedSoftmax:
    def __init__(self, n_in=4, classes=3, lr=0.5, seed=8):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.5, (n_in, classes))
        self.b = np.zeros(classes)
        self.lr = lr

    def probabilities(self, X):
        s = (X @ self.W + self.b) / TEMPERATURE
        s = s - s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def train_step(self, X, y):
        n = len(X)
        p = self.probabilities(X)
        loss = -np.sum(y * np.log(p)) / n
        d_z = (p - y) / (n * TEMPERATURE)
        self.grads = {"W": X.T @ d_z, "b": d_z.sum(axis=0)}
        self.W -= self.lr * self.grads["W"]
        self.b -= self.lr * self.grads["b"]
        return float(loss)
