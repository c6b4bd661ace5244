"""Binary classifier with batch normalisation, in NumPy: 5 -> 8 (no bias) -> batch norm (gamma,
beta) -> ReLU -> 1, sigmoid output, mean binary cross-entropy, plain gradient descent at 0.2.
Training normalises with the batch's statistics (biased variance, eps 1e-5); running averages
are kept for prediction, as torch.nn.BatchNorm1d does."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class BatchNormClassifier:
    def __init__(self, n_in=5, hidden=8, lr=0.2, eps=1e-5, momentum=0.1, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.running_mean = np.zeros(hidden)
        self.running_var = np.ones(hidden)
        self.lr, self.eps, self.momentum = lr, eps, momentum

    def predict(self, X):
        z = X @ self.W1
        zhat = (z - self.running_mean) / np.sqrt(self.running_var + self.eps)
        a = self.gamma * zhat + self.beta
        return sigmoid(np.maximum(a, 0.0) @ self.W2 + self.b2)

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1
        mu = z.mean(axis=0)
        var = z.var(axis=0)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        zhat = (z - mu) * inv_std
        a = self.gamma * zhat + self.beta
        h = np.maximum(a, 0.0)
        p = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))

        m = self.momentum
        self.running_mean = (1 - m) * self.running_mean + m * mu
        self.running_var = (1 - m) * self.running_var + m * var * n / (n - 1)

        d_out = (p - y) / n
        g_W2 = h.T @ d_out
        g_b2 = d_out.sum(axis=0)
        d_a = (d_out @ self.W2.T) * (a > 0)
        g_gamma = (d_a * zhat).sum(axis=0)
        g_beta = d_a.sum(axis=0)
        d_zhat = d_a * self.gamma
        d_z = inv_std * (d_zhat - d_zhat.mean(axis=0) - zhat * (d_zhat * zhat).mean(axis=0))
        g_W1 = X.T @ d_z

        self.W2 -= self.lr * g_W2
        self.b2 -= self.lr * g_b2
        self.gamma -= self.lr * g_gamma
        self.beta -= self.lr * g_beta
        self.W1 -= self.lr * g_W1
        return float(loss)
