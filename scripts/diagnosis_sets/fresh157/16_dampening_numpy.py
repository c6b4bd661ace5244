"""A denoising autoencoder with tied weights, from scratch in NumPy, RMSprop with momentum.

X: corrupted rows (masking noise), y: the clean rows to reconstruct.
h = sigmoid(X W + bh)          W (n_in, n_hidden)
r = sigmoid(h W^T + bo)        the decoder reuses the encoder weight, transposed
loss = mean over rows of sum_j (r - y)^2
RMSprop as torch.optim.RMSprop(lr=1e-2, alpha=0.95, eps=1e-8, momentum=0.9):
    sq = alpha sq + (1 - alpha) g^2;  buf = momentum buf + g / (sqrt(sq) + eps);  p -= lr buf
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class TiedDAE:
    def __init__(self, n_in=10, n_hidden=6, lr=1e-2, alpha=0.95, eps=1e-8, momentum=0.9, seed=2):
        rng = np.random.default_rng(seed)
        r = 4.0 * np.sqrt(6.0 / (n_in + n_hidden))
        self.W = rng.uniform(-r, r, (n_in, n_hidden))
        self.bh = np.zeros(n_hidden)
        self.bo = np.zeros(n_in)
        self.lr, self.alpha, self.eps, self.momentum = lr, alpha, eps, momentum
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in ("W", "bh", "bo")}
        self.buf = {k: np.zeros_like(getattr(self, k)) for k in ("W", "bh", "bo")}
        self.grads = {}

    def reconstruct(self, X):
        h = sigmoid(X @ self.W + self.bh)
        return h, sigmoid(h @ self.W.T + self.bo)

    def loss(self, X, y):
        _, r = self.reconstruct(X)
        return ((r - y) ** 2).sum(axis=1).mean()

    def train_step(self, X, y):
        n = X.shape[0]
        h, r = self.reconstruct(X)
        loss = ((r - y) ** 2).sum(axis=1).mean()
        dr = 2.0 * (r - y) / n
        do = dr * r * (1 - r)                    # decoder pre-activation
        dh = do @ self.W                         # back through W^T
        dpre = dh * h * (1 - h)                  # encoder pre-activation
        self.grads["W"] = X.T @ dpre + do.T @ h  # encoder use + decoder use of the tied weight
        self.grads["bh"] = dpre.sum(axis=0)
        self.grads["bo"] = do.sum(axis=0)
        for k in ("W", "bh", "bo"):
            g = self.grads[k]
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g ** 2
            self.buf[k] = self.momentum * self.buf[k] + (1 - self.momentum) * g / (np.sqrt(self.sq[k]) + self.eps)
            p = getattr(self, k)
            p -= self.lr * self.buf[k]
        return float(loss)
