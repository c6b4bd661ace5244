"""Bengio-style neural trigram language model in NumPy: the two previous words' embeddings C[w]
concatenated, a tanh hidden layer and a softmax over the vocabulary. Trained with label smoothing
as fairseq's label_smoothed_cross_entropy does it: the true word keeps 1 - EPS and EPS is spread
over the other V - 1 words (EPS / (V - 1) each). Mean over the batch, SGD with heavy-ball
momentum 0.9.

    X: (n, 2) int word ids, y: (n, V) one-hot next word
"""

import numpy as np

VOCAB, DIM, HIDDEN = 10, 6, 12
EPS = 0.1


class TrigramLM:
    def __init__(self, lr=0.3, momentum=0.9, seed=4):
        rng = np.random.default_rng(seed)
        self.C = rng.normal(0.0, 1.0, (VOCAB, DIM))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(2 * DIM), (2 * DIM, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, VOCAB))
        self.b2 = np.zeros(VOCAB)
        self.lr, self.mu = lr, momentum
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("C", "W1", "b1", "W2", "b2")}

    def smoothed(self, y):
        return (1.0 - EPS) * y + EPS / (VOCAB - 1) * (1.0 - y)

    def forward(self, X):
        self.emb = self.C[X].reshape(len(X), -1)
        self.h = np.tanh(self.emb @ self.W1 + self.b1)
        logits = self.h @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        return np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)

    def loss(self, X, y):
        probs = self.forward(X)
        return float(-(self.smoothed(y) * np.log(probs)).sum(axis=1).mean())

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        target = self.smoothed(y)
        loss = -(target * np.log(probs)).sum(axis=1).mean()
        dlogits = (probs - target) / n
        g = {"W2": self.h.T @ dlogits, "b2": dlogits.sum(axis=0)}
        dz = dlogits @ self.W2.T * (1.0 - self.h ** 2)
        g["W1"], g["b1"] = self.emb.T @ dz, dz.sum(axis=0)
        demb = (dz @ self.W1.T).reshape(n, 2, DIM)
        g["C"] = np.zeros_like(self.C)
        np.add.at(g["C"], X, demb)
        self.grads = g
        for k, grad in g.items():
            self.velocity[k] = self.mu * self.velocity[k] + grad
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
        return float(loss)
