"""NumPy classifier with one residual block: 5 -> 8 (ReLU), then h2 = h1 + relu(h1 @ W2 + b2)
(8 -> 8), then 8 -> 3 softmax, mean cross-entropy, mini-batch gradient descent.
Port: 16_pair_torch.py."""

import numpy as np


class ResidualMLP:
    def __init__(self, n_in=5, width=8, n_out=3, lr=0.2, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, np.sqrt(2 / n_in), (n_in, width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0, np.sqrt(2 / width), (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0, np.sqrt(1 / width), (width, n_out))
        self.b3 = np.zeros(n_out)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h1 = np.maximum(z1, 0)
        z2 = h1 @ self.W2 + self.b2
        h2 = h1 + np.maximum(z2, 0)
        z3 = h2 @ self.W3 + self.b3
        z3 = z3 - z3.max(axis=1, keepdims=True)
        p = np.exp(z3) / np.exp(z3).sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p)) / len(X)

        d3 = (p - y) / len(X)
        d_h2 = d3 @ self.W3.T
        d2 = d_h2 * (z2 > 0)
        d_h1 = d2 @ self.W2.T           # BUG: the skip connection passes d_h2 straight through as well: d_h1 = d2 @ self.W2.T + d_h2
        d1 = d_h1 * (z1 > 0)

        grads = [(self.W3, h2.T @ d3), (self.b3, d3.sum(0)), (self.W2, h1.T @ d2), (self.b2, d2.sum(0)),
                 (self.W1, X.T @ d1), (self.b1, d1.sum(0))]
        for param, g in grads:
            param -= self.lr * g
        return float(loss)
