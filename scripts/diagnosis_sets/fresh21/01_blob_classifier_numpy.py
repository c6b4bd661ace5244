"""Three-blob classifier written from scratch: 4 -> 10 tanh -> 3 softmax, mean cross-entropy over
each mini-batch, plain SGD. One call of train_epoch is one pass over the data in N_BATCHES
mini-batches, the rows visited in a fresh random order every epoch. The order comes from a
NumPy Generator seeded with SEED, so the PyTorch version can replay exactly the same batches."""

import numpy as np

SEED = 7
LR = 0.2
N_BATCHES = 4


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class BlobClassifier:
    def __init__(self, X, y, hidden=10):
        init = np.random.default_rng(0)
        self.W1 = init.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = init.normal(0.0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.order_rng = np.random.default_rng(SEED)

    def _update(self, xb, yb):
        h = np.tanh(xb @ self.W1 + self.b1)
        p = softmax(h @ self.W2 + self.b2)
        loss = -np.mean(np.sum(yb * np.log(p), axis=1))
        dz2 = (p - yb) / len(xb)
        dz1 = (dz2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz2)
        self.b2 -= LR * dz2.sum(axis=0)
        self.W1 -= LR * (xb.T @ dz1)
        self.b1 -= LR * dz1.sum(axis=0)
        return loss

    def train_epoch(self, X, y):
        order = self.order_rng.permutation(len(X))
        losses = [self._update(X[idx], y[idx]) for idx in np.array_split(order, N_BATCHES)]
        return float(np.mean(losses))
