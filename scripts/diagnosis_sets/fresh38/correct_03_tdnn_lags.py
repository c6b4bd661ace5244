"""Time-delay neural network on a window of 6 lags, in NumPy: the hidden pre-activation is built
lag by lag, z = b1 + sum_k x_{t-k} W1[k] (each lag's contribution an outer product of that
column of the window with its row of weights), and the weight gradient is filled row by row the
same way. ReLU, a linear output, mean squared error, momentum as an exponential moving average
of the gradients (v = beta v + (1 - beta) g).

    X: (n, 6), y: (n, 1)
"""

import numpy as np


class LagTDNN:
    def __init__(self, lags=6, hidden=5, lr=0.1, beta=0.9, seed=23):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (lags, hidden))
        self.b1 = np.full(hidden, 0.1)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.beta = lr, beta
        self.velocity = None

    def train_step(self, X, y):
        n, lags = X.shape
        z = np.broadcast_to(self.b1, (n, self.b1.size)).copy()
        for k in range(lags):
            z += np.outer(X[:, k], self.W1[k])
        h = np.maximum(z, 0.0)
        self.out = h @ self.W2 + self.b2
        d_out = 2.0 * (self.out - y) / n
        d_z = (d_out @ self.W2.T) * (z > 0)
        gW1 = np.empty_like(self.W1)
        for k in range(lags):
            gW1[k] = X[:, k] @ d_z
        grads = [gW1, d_z.sum(axis=0), h.T @ d_out, d_out.sum(axis=0)]
        if self.velocity is None:
            self.velocity = [np.zeros_like(g) for g in grads]
        for v, g in zip(self.velocity, grads):
            v *= self.beta
            v += (1.0 - self.beta) * g
        self.W1 -= self.lr * self.velocity[0]
        self.b1 -= self.lr * self.velocity[1]
        self.W2 -= self.lr * self.velocity[2]
        self.b2 -= self.lr * self.velocity[3]
