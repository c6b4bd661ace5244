"""NumPy regressor for a 0/1 score: 5 -> 10 -> 1, ReLU hidden layer, linear output, mean squared
error, SGD with an exponential moving average of the gradients as momentum
(v = beta v + (1 - beta) g; w -= lr v)."""

import numpy as np


class ScoreRegressor:
    def __init__(self, X, y, hidden=10, lr=0.5, beta=0.9, seed=16):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden)),
                        rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1))]
        self.biases = [np.zeros(hidden), np.zeros(1)]
        self.velocity = [np.zeros_like(p) for p in self.weights + self.biases]
        self.lr, self.beta = lr, beta

    def predict(self, X):
        W1, W2 = self.weights
        b1, b2 = self.biases
        self.z1 = X @ W1 + b1
        self.h = np.maximum(self.z1, 0.0)
        z2 = self.h @ W2 + b2
        return np.clip(z2, 0.0, 1.0)   # BUG: return z2

    def train_step(self, X, y):
        out = self.predict(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_z1 = (d_out @ self.weights[1].T) * (self.z1 > 0)
        grads = [X.T @ d_z1, self.h.T @ d_out, d_z1.sum(axis=0), d_out.sum(axis=0)]
        for p, v, g in zip(self.weights + self.biases, self.velocity, grads):
            v *= self.beta
            v += (1 - self.beta) * g
            p -= self.lr * v
        return float(loss)
