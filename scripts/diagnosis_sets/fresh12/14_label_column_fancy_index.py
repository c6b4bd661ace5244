"""NumPy ReLU / softmax classifier (4 -> 8 -> 3, mean cross-entropy, plain gradient descent,
mini-batches of 10), backward in the cs231n style. The target's -1 was indexed
dscores[:, labels] instead of dscores[np.arange(n), labels]: every row gets -1 in every class
that is some row's label (usually all three), so the logit gradient is (p - 1) / n rather
than (p - y) / n."""

import numpy as np


class ScoresNet:
    def __init__(self, X, y, n_hidden=8, lr=0.5):
        rng = np.random.default_rng(126)
        self.W1 = 0.5 * rng.standard_normal((X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = 0.5 * rng.standard_normal((n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        labels = y.argmax(axis=1)
        hidden = np.maximum(0, X @ self.W1 + self.b1)
        scores = hidden @ self.W2 + self.b2
        shifted = scores - scores.max(axis=1, keepdims=True)
        probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
        loss = float(-np.log(probs[np.arange(n), labels]).mean())
        dscores = probs.copy()
        dscores[:, labels] -= 1   # BUG: only each row's own label: dscores[np.arange(n), labels] -= 1
        dscores /= n
        dhidden = dscores @ self.W2.T
        dhidden[hidden <= 0] = 0
        self.W2 -= self.lr * hidden.T @ dscores
        self.b2 -= self.lr * dscores.sum(axis=0)
        self.W1 -= self.lr * X.T @ dhidden
        self.b1 -= self.lr * dhidden.sum(axis=0)
        return loss
