"""NumPy tanh classifier (5 -> 8 -> 1, sigmoid output, mean binary cross-entropy per
mini-batch), one call of train_epoch = one epoch: the rows are visited in a fresh random order
each epoch, in mini-batches of 10, with an SGD update after each. The order comes from a NumPy
Generator seeded with SEED, so the PyTorch port (14_shuffled_epochs_torch.py) can draw the
same orders."""

import numpy as np

SEED = 2024
LR = 0.3
BATCH = 10


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ShuffledEpochs:
    def __init__(self, X, y, hidden=8):
        init = np.random.default_rng(99)
        self.W1 = init.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = init.normal(0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.rng = np.random.default_rng(SEED)

    def sgd_step(self, xb, yb):
        h = np.tanh(xb @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        dz2 = (p - yb) / len(xb)
        dz1 = dz2 @ self.W2.T * (1 - h ** 2)
        self.W2 -= LR * h.T @ dz2
        self.b2 -= LR * dz2.sum(axis=0)
        self.W1 -= LR * xb.T @ dz1
        self.b1 -= LR * dz1.sum(axis=0)
        return float(-np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p)))

    def train_epoch(self, X, y):
        rng = np.random.default_rng(SEED)   # BUG: keep drawing from the one generator: rng = self.rng
        order = rng.permutation(len(X))
        losses = [self.sgd_step(X[idx], y[idx]) for idx in np.array_split(order, len(X) // BATCH)]
        return float(np.mean(losses))
