"""Trend regressor in NumPy for signals of 10 samples: each signal is fed together with its
running mean (the mean of the samples up to each position), 20 features in all, into a tanh
hidden layer of 8 and a linear unit. Mean squared error, Adam.

    X: (n, 10), y: (n, 1)
"""

import numpy as np

LENGTH, HIDDEN = 10, 8


class TrendRegressor:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=13):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(2 * LENGTH), (2 * LENGTH, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "b2": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def features(self, X):
        counts = np.arange(1, LENGTH + 1, dtype=X.dtype)
        running_mean = np.cumsum(X, axis=0) / counts   # BUG: running_mean = np.cumsum(X, axis=1) / counts
        return np.concatenate([X, running_mean], axis=1)

    def train_step(self, X, y):
        p = self.params
        F = self.features(X)
        h = np.tanh(F @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / len(X)
        d_h = (d_out @ p["W2"].T) * (1.0 - h ** 2)
        grads = {"W1": F.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
