"""NumPy tanh classifier (4 -> 7 -> 1, tanh hidden layer, sigmoid output, summed binary
cross-entropy, plain gradient descent). The hidden pre-activation is typed X @ W1 - b1:
the bias is subtracted in the forward pass, while the backward pass and the update treat
it as added (b1 -= lr * d1.sum(0)), so the hidden bias moves the wrong way."""

import numpy as np


class TanhClassifier:
    def __init__(self, X, y, n_hidden=7, lr=0.05):
        rng = np.random.default_rng(9)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 - self.b1)   # BUG: the bias is added: np.tanh(X @ self.W1 + self.b1)
        self.z = self.h @ self.W2 + self.b2
        return 1.0 / (1.0 + np.exp(-self.z))

    def train_step(self, X, y):
        out = self.forward(X)
        loss = float(np.sum(np.logaddexp(0.0, self.z) - y * self.z))
        d2 = out - y
        d1 = (d2 @ self.W2.T) * (1.0 - self.h ** 2)
        self.W2 -= self.lr * (self.h.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return loss
