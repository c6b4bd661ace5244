"""Bag-of-embeddings classifier in NumPy: each window of 5 token ids (vocabulary of 10) is
looked up in an embedding table E (10 x 6), the rows are averaged, then tanh hidden layer of 12
and a 4-way softmax. Mean cross-entropy, plain SGD. The table's gradient is scattered back onto
the rows with np.add.at, so a token that occurs several times collects every contribution.

    X: int (n, 5) token ids, y: one-hot (n, 4)
"""

import numpy as np

VOCAB, DIM, HIDDEN, CLASSES = 10, 6, 12, 4


class TokenClassifier:
    def __init__(self, lr=0.5, seed=8):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 1.0, (VOCAB, DIM))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(DIM), (DIM, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, CLASSES))
        self.b2 = np.zeros(CLASSES)
        self.lr = lr

    def train_step(self, X, y):
        n, window = X.shape
        pooled = self.E[X].mean(axis=1)
        h = np.tanh(pooled @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z -= z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(np.sum(probs * y, axis=1)))

        d_z = (probs - y) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        d_pooled = d_h @ self.W1.T
        d_E = np.zeros_like(self.E)
        np.add.at(d_E, X, np.repeat(d_pooled[:, None, :] / window, window, axis=1))

        self.W2 -= self.lr * (h.T @ d_z)
        self.b2 -= self.lr * d_z.sum(axis=0)
        self.W1 -= self.lr * (pooled.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        self.E -= self.lr * d_E
        return float(loss)
