"""Binary classifier for skewed, positive features (incomes, prices, durations). The inputs are
scaled robustly with statistics of the training set taken once in the constructor, as
sklearn's RobustScaler does: (x - median) / (75th percentile - 25th percentile). 5 inputs -> 8
ReLU -> 1 sigmoid, mean binary cross-entropy, gradient descent at LR = 0.5."""

import numpy as np

LR = 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class IncomeClassifier:
    def __init__(self, X, y, hidden=8, seed=7):
        rng = np.random.default_rng(seed)
        self.center = np.median(X, axis=0)
        q75, q25 = np.percentile(X, [75, 25], axis=0)
        self.spread = q75 - q25
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)

    def scale(self, X):
        return (X - self.center) / self.spread

    def train_step(self, X, y):
        Xs = self.scale(X)
        z1 = Xs @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        p = sigmoid(a1 @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))

        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W2 -= LR * (a1.T @ d2)
        self.b2 -= LR * d2.sum(axis=0)
        self.W1 -= LR * (Xs.T @ d1)
        self.b1 -= LR * d1.sum(axis=0)
        return float(loss)
