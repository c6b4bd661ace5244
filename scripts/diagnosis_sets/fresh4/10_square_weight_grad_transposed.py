"""NumPy regressor with two ReLU hidden layers of the same width, weights and biases in lists,
linear output, mean squared error, heavy-ball momentum. The author's previous code kept
weights (out, in), and the middle layer's gradient is still written that way,
d2.T @ a1, the transpose of the (in, out) gradient a1.T @ d2; the square shape hides it."""

import numpy as np


class ReluStack:
    def __init__(self, X, y, width=6, lr=0.05, mu=0.9):
        rng = np.random.default_rng(10)
        sizes = [X.shape[1], width, width, y.shape[1]]
        self.weights = [rng.normal(0, 0.4, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.vw = None
        self.vb = None
        self.lr, self.mu = lr, mu

    def fit_batch(self, X, y):
        W1, W2, W3 = self.weights
        b1, b2, b3 = self.biases
        z1 = X @ W1 + b1
        a1 = np.maximum(z1, 0)
        z2 = a1 @ W2 + b2
        a2 = np.maximum(z2, 0)
        out = a2 @ W3 + b3
        n_el = out.size
        d3 = 2 * (out - y) / n_el
        d2 = (d3 @ W3.T) * (z2 > 0)
        d1 = (d2 @ W2.T) * (z1 > 0)
        gw = [X.T @ d1, d2.T @ a1, a2.T @ d3]   # BUG: a1.T @ d2 for the middle weight
        gb = [d1.sum(axis=0), d2.sum(axis=0), d3.sum(axis=0)]
        if self.vw is None:
            self.vw = [np.zeros_like(w) for w in self.weights]
            self.vb = [np.zeros_like(b) for b in self.biases]
        for i in range(3):
            self.vw[i] = self.mu * self.vw[i] + gw[i]
            self.vb[i] = self.mu * self.vb[i] + gb[i]
            self.weights[i] = self.weights[i] - self.lr * self.vw[i]
            self.biases[i] = self.biases[i] - self.lr * self.vb[i]
        return float(np.mean((out - y) ** 2))
