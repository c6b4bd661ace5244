"""NumPy ReLU / softmax classifier (6 -> 12 -> 4, mean cross-entropy, heavy-ball momentum) in
the cs231n style: the score gradient is probs with 1 subtracted at each row's label,
dscores[range(n), labels] -= 1. The one-hot targets are turned into labels with np.argmax, but
of probs (the predicted classes) instead of y: the gradient pulls every row towards its own
prediction. The loss is still computed against y."""

import numpy as np


class SoftmaxNet:
    def __init__(self, X, y, hidden=12, lr=0.1, mu=0.9):
        rng = np.random.default_rng(11)
        self.W1 = 0.3 * rng.standard_normal((X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = 0.3 * rng.standard_normal((hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.mu = lr, mu
        self.velocity = {}

    def step(self, X, y):
        n = X.shape[0]
        z1 = X @ self.W1 + self.b1
        h = np.maximum(0, z1)
        scores = h @ self.W2 + self.b2
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(probs)) / n)

        labels = np.argmax(probs, axis=1)   # BUG: the true classes: np.argmax(y, axis=1)
        dscores = probs.copy()
        dscores[np.arange(n), labels] -= 1
        dscores /= n
        dh = dscores @ self.W2.T
        dh[z1 <= 0] = 0
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dscores, "b2": dscores.sum(axis=0)}
        for name, g in grads.items():
            v = self.mu * self.velocity.get(name, 0) + g
            self.velocity[name] = v
            setattr(self, name, getattr(self, name) - self.lr * v)
        return loss
