"""NumPy binary classifier (tanh hidden layer of 6, sigmoid output, mean binary cross-entropy,
heavy-ball momentum 0.9 as torch's v = mu v + g). The author derived the gradients for one
sample (dW = outer(x, delta)) and "vectorised" the first layer's by taking the outer product
of the batch's average input and summed delta, np.outer(X.mean(axis=0), d1.sum(axis=0)),
instead of X.T @ d1, the sum of the rows' outer products."""

import numpy as np


class TanhBinary:
    def __init__(self, X, y, hidden=6, lr=0.1, mu=0.9):
        rng = np.random.default_rng(10)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        P = self.params
        n = X.shape[0]
        h = np.tanh(X @ P["W1"] + P["b1"])
        p = 1.0 / (1.0 + np.exp(-(h @ P["W2"] + P["b2"])))
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        d2 = (p - y) / n
        d1 = (d2 @ P["W2"].T) * (1 - h ** 2)
        x_bar = X.mean(axis=0)
        grads = {
            "W1": np.outer(x_bar, d1.sum(axis=0)),   # BUG: the sum of each row's outer product: X.T @ d1
            "b1": d1.sum(axis=0),
            "W2": h.T @ d2,
            "b2": d2.sum(axis=0),
        }
        for k in P:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            P[k] -= self.lr * self.velocity[k]
        return loss
