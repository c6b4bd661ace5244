"""NumPy sigmoid classifier (6 -> 7 -> 1, sigmoid output, mean binary cross-entropy per
mini-batch). One call of train_epoch is one pass over the data in mini-batches of 16 rows, in
order, with an SGD update after each mini-batch; the last mini-batch holds whatever rows are
left. Port: 08_epoch_trainer_torch.py."""

import numpy as np

LR = 0.5
BATCH = 16


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class EpochTrainer:
    def __init__(self, X, y, hidden=7, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)

    def _update(self, xb, yb):
        h = sigmoid(xb @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p))
        d2 = (p - yb) / len(xb)
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        self.W2 -= LR * (h.T @ d2)
        self.b2 -= LR * d2.sum(axis=0)
        self.W1 -= LR * (xb.T @ d1)
        self.b1 -= LR * d1.sum(axis=0)
        return loss

    def train_epoch(self, X, y):
        losses = []
        for start in range(0, len(X), BATCH):
            losses.append(self._update(X[start:start + BATCH], y[start:start + BATCH]))
        return float(np.mean(losses))
