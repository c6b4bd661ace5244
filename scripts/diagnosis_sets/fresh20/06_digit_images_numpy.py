"""Digit-image classifier from scratch. The 4x4 images are unrolled column by column (Fortran
order, as in the original Octave exercise the code comes from), then 16 -> 10 tanh -> 4-way
softmax, mean cross-entropy, plain gradient descent."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class ImageClassifier:
    def __init__(self, X, y, hidden=10, lr=0.5, seed=11):
        rng = np.random.default_rng(seed)
        n_pixels = X.shape[1] * X.shape[2]
        self.W1 = rng.normal(0.0, 0.3, (n_pixels, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    @staticmethod
    def unroll(images):
        return images.reshape(len(images), -1, order="F")

    def train_step(self, images, y):
        X = self.unroll(images)
        h = np.tanh(X @ self.W1 + self.b1)
        p = softmax(h @ self.W2 + self.b2)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return float(loss)
