"""NumPy ReLU / softmax classifier trained on mini-batches with heavy-ball momentum
(v = mu v + g; W -= lr v). The training loop was folded into a per-batch method that keeps
a batch counter; the velocities are (re)created as zeros whenever the counter starts a new
epoch, where they should be created once before training: momentum restarts every epoch
(every 4 batches of 16 rows out of 64)."""

import numpy as np


class EpochNet:
    def __init__(self, X, y, hidden=8, lr=0.1, mu=0.9, batch_size=16):
        rng = np.random.default_rng(15)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.lr, self.mu = lr, mu
        self.batches_per_epoch = int(np.ceil(len(X) / batch_size))
        self.batch_index = 0
        self.velocity = None

    def train_batch(self, X, y):
        if self.batch_index % self.batches_per_epoch == 0:   # BUG: only before the first batch: if self.batch_index == 0:
            self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.batch_index += 1
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0)
        z2 = h @ P["W2"] + P["b2"]
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        n = len(X)
        dz2 = (probs - y) / n
        dz1 = (dz2 @ P["W2"].T) * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k in P:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            P[k] = P[k] - self.lr * self.velocity[k]
        return float(-np.sum(y * np.log(probs)) / n)
