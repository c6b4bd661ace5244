"""Quantile regression with a small neural network, from scratch: 3 inputs -> 12 tanh units -> one
linear output, trained on the pinball (quantile) loss of the 90th percentile,
rho_q(e) = max(q * e, (q - 1) * e) with the residual e = y - prediction, averaged over the batch.
Gradient descent with heavy-ball momentum (v = mu * v + g; w -= lr * v)."""

import numpy as np

QUANTILE = 0.9
LEARNING_RATE = 0.05
MOMENTUM = 0.9


class QuantileRegressor:
    def __init__(self, n_in=3, n_hidden=12, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.names = ("W1", "b1", "W2", "b2")
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in self.names}

    def predict(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return self.h @ self.W2 + self.b2

    def train_step(self, X, y):
        pred = self.predict(X)
        e = y - pred
        loss = np.mean(np.maximum(QUANTILE * e, (QUANTILE - 1) * e))

        # d rho / d e is q above the prediction and q - 1 below it; d e / d pred = -1
        dpred = -np.where(e > 0, QUANTILE, QUANTILE - 1).astype(e.dtype) / len(X)
        dh = (dpred @ self.W2.T) * (1 - self.h ** 2)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": self.h.T @ dpred, "b2": dpred.sum(axis=0)}

        for name in self.names:
            self.velocity[name] = MOMENTUM * self.velocity[name] + grads[name]
            setattr(self, name, getattr(self, name) - LEARNING_RATE * self.velocity[name])
        return loss
