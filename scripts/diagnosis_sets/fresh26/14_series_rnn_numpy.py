"""Elman RNN regressor in NumPy: sequences of 6 steps with 2 features, a tanh hidden state of 8
(h_t = tanh(x_t Wx + h_{t-1} Wh + b), h_0 = 0), the last state read out by a linear unit.
Mean squared error, back-propagation through time, plain SGD. The states are kept in a list
for the backward pass.

    X: (n, 6, 2), y: (n, 1)
"""

import numpy as np

N_IN, HIDDEN = 2, 8


class SeriesRNN:
    def __init__(self, lr=0.2, seed=14):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 0.5, (N_IN, HIDDEN))
        self.Wh = rng.normal(0.0, 0.3, (HIDDEN, HIDDEN))
        self.b = np.zeros(HIDDEN)
        self.Wy = rng.normal(0.0, 0.5, (HIDDEN, 1))
        self.by = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        n, steps, _ = X.shape
        h = np.zeros((n, HIDDEN), dtype=X.dtype)
        states = [h]
        for t in range(steps):
            h[:] = np.tanh(X[:, t] @ self.Wx + h @ self.Wh + self.b)   # BUG: h = np.tanh(X[:, t] @ self.Wx + h @ self.Wh + self.b)
            states.append(h)
        self.states = states
        return h @ self.Wy + self.by

    def train_step(self, X, y):
        n, steps, _ = X.shape
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / n
        dWy = self.states[-1].T @ d_out
        dby = d_out.sum(axis=0)
        dWx, dWh, db = np.zeros_like(self.Wx), np.zeros_like(self.Wh), np.zeros_like(self.b)
        d_h = d_out @ self.Wy.T
        for t in reversed(range(steps)):
            d_z = d_h * (1.0 - self.states[t + 1] ** 2)
            dWx += X[:, t].T @ d_z
            dWh += self.states[t].T @ d_z
            db += d_z.sum(axis=0)
            d_h = d_z @ self.Wh.T

        self.Wx -= self.lr * dWx
        self.Wh -= self.lr * dWh
        self.b -= self.lr * db
        self.Wy -= self.lr * dWy
        self.by -= self.lr * dby
        return float(loss)
