"""NumPy tanh / softmax classifier (6 -> 8 -> 2, summed cross-entropy, Adam, mini-batches of
16). The Adam hyperparameters were copied from a DCGAN training script, beta1 = 0.5, where
the network it should match uses beta1 = 0.9 (beta2 = 0.999 in both). Equal on step 1."""

import numpy as np


class AdamSoftmax:
    def __init__(self, X, y, n_hidden=8, lr=0.002):
        rng = np.random.default_rng(15)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr
        self.beta1, self.beta2 = 0.5, 0.999   # BUG: Adam's defaults: 0.9, 0.999
        self.eps = 1e-8
        self.state = {}
        self.t = 0

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = float(-np.sum(y * log_p))
        dz = np.exp(log_p) - y
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        grads = [("W1", X.T @ dh), ("b1", dh.sum(0)), ("W2", h.T @ dz), ("b2", dz.sum(0))]
        self.t += 1
        for name, g in grads:
            m, v = self.state.get(name, (np.zeros_like(g), np.zeros_like(g)))
            m = self.beta1 * m + (1 - self.beta1) * g
            v = self.beta2 * v + (1 - self.beta2) * g ** 2
            self.state[name] = (m, v)
            step = (m / (1 - self.beta1 ** self.t)) / (np.sqrt(v / (1 - self.beta2 ** self.t)) + self.eps)
            setattr(self, name, getattr(self, name) - self.lr * step)
        return loss
