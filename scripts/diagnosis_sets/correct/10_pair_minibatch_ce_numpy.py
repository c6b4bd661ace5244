"""NumPy half of a correct pair: ReLU hidden layer, softmax cross-entropy (mean over rows),
mini-batches. Port: 10_pair_minibatch_ce_torch.py."""

import numpy as np


class ReluSoftmax:
    def __init__(self, X, y, hidden=10, lr=0.2):
        rng = np.random.default_rng(7)
        self.W1 = rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, np.sqrt(1 / hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0)
        logits = h @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        self.probs = p
        dlogits = (p - y) / len(X)
        dh = dlogits @ self.W2.T
        dz1 = dh * (z1 > 0)
        self.W2 -= self.lr * h.T @ dlogits
        self.b2 -= self.lr * dlogits.sum(0)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(0)
