"""Tiny-digits classifier from scratch (16 pixels -> 12 sigmoid units -> 4-way softmax, mean
cross-entropy) trained by mini-batch gradient descent with an inverse-time learning-rate decay,
lr_t = LR0 / (1 + DECAY * t), t the number of updates made so far."""

import numpy as np

LR0 = 0.8
DECAY = 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class DigitsNet:
    def __init__(self, X, y, hidden=12, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.3, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.t = 0

    def train_step(self, X, y):
        lr = LR0 / (1.0 + DECAY * self.t)
        h = sigmoid(X @ self.W1 + self.b1)
        p = softmax(h @ self.W2 + self.b2)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * h * (1.0 - h)
        self.W2 -= lr * (h.T @ d2)
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * (X.T @ d1)
        self.b1 -= lr * d1.sum(axis=0)
        self.t += 1
        return float(loss)
