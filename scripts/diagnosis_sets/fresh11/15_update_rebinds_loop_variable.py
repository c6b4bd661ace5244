"""NumPy tanh classifier (4 -> 6 -> 1, sigmoid output, summed binary cross-entropy, plain
gradient descent). The update loop runs over the parameter arrays and rebinds the loop
variable, param = param - lr * grad, which makes a new array and drops it: no parameter is
ever changed (the in-place param -= lr * grad was meant)."""

import numpy as np


class TanhBCE:
    def __init__(self, X, y, n_hidden=6, lr=0.1):
        rng = np.random.default_rng(15)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def parameters(self):
        return [self.W1, self.b1, self.W2, self.b2]

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        out = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z))
        d2 = out - y
        d1 = (d2 @ self.W2.T) * (1 - h ** 2)
        grads = [X.T @ d1, d1.sum(axis=0), h.T @ d2, d2.sum(axis=0)]
        for param, grad in zip(self.parameters(), grads):
            param = param - self.lr * grad   # BUG: in place: param -= self.lr * grad
        return loss
