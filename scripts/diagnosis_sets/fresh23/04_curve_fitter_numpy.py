"""Fits two smooth curves: 3 inputs -> 16 sigmoid units -> 2 linear outputs, mean squared error
over every output. Plain gradient descent with an exponentially decaying learning rate,
lr = LR0 * DECAY ** t, t the number of updates made so far."""

import numpy as np

LR0 = 0.5
DECAY = 0.9


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class CurveFitter:
    def __init__(self, sizes=(3, 16, 2), seed=11):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 0.6, (m, n)) for m, n in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(n) for n in sizes[1:]]
        self.t = 0

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.weights[0] + self.biases[0])
        out = a1 @ self.weights[1] + self.biases[1]
        loss = np.mean((out - y) ** 2)

        d2 = 2.0 * (out - y) / y.size
        d1 = (d2 @ self.weights[1].T) * a1 * (1.0 - a1)
        grads_w = [X.T @ d1, a1.T @ d2]
        grads_b = [d1.sum(axis=0), d2.sum(axis=0)]

        lr = LR0 * DECAY ** self.t
        for i in range(2):
            self.weights[i] -= lr * grads_w[i]
            self.biases[i] -= lr * grads_b[i]
        self.t += 1
        return loss
