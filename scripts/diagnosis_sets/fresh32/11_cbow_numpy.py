"""word2vec CBOW in NumPy: a window of 2C + 1 words, the C words on each side of the centre are
the context; their embeddings are averaged, h = mean(E[context]), and a softmax layer predicts the
centre word. Mean cross-entropy; the averaged gradient is scattered back onto every context
word's row with np.add.at. Plain SGD.

    X: (n, 5) int windows (centre at index C = 2), y: (n, V) one-hot centre word
"""

import numpy as np

VOCAB, DIM, C = 10, 6, 2


class CBOW:
    def __init__(self, lr=0.5, seed=11):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 1.0, (VOCAB, DIM))
        self.W = rng.normal(0.0, 1.0 / np.sqrt(DIM), (DIM, VOCAB))
        self.b = np.zeros(VOCAB)
        self.lr = lr

    def forward(self, X):
        self.context = np.concatenate([X[:, :C], X[:, C:]], axis=1)   # fix: self.context = np.concatenate([X[:, :C], X[:, C + 1:]], axis=1)
        self.h = self.E[self.context].mean(axis=1)
        logits = self.h @ self.W + self.b
        logits = logits - logits.max(axis=1, keepdims=True)
        return np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-(y * np.log(self.forward(X))).sum(axis=1).mean())

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        loss = -(y * np.log(probs)).sum(axis=1).mean()
        dlogits = (probs - y) / n
        dW, db = self.h.T @ dlogits, dlogits.sum(axis=0)
        dh = dlogits @ self.W.T
        width = self.context.shape[1]
        dE = np.zeros_like(self.E)
        np.add.at(dE, self.context, np.repeat(dh[:, None, :] / width, width, axis=1))
        self.grads = {"E": dE, "W": dW, "b": db}
        self.E -= self.lr * dE
        self.W -= self.lr * dW
        self.b -= self.lr * db
        return float(loss)
