"""NumPy ReLU / softmax classifier, a list of Dense layer objects, mini-batches. The
softmax's stabilising shift subtracts z.max(axis=0), each class's maximum over the batch,
instead of each row's own maximum: a different shift per class, which changes the
probabilities."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.w = rng.normal(0, 0.4, (n_in, n_out))
        self.b = np.zeros(n_out)


class SoftmaxMLP:
    def __init__(self, X, y, hidden=8, lr=0.3):
        rng = np.random.default_rng(15)
        self.layers = [Dense(X.shape[1], hidden, rng), Dense(hidden, y.shape[1], rng)]
        self.lr = lr

    def step(self, X, y):
        l1, l2 = self.layers
        z1 = X @ l1.w + l1.b
        h = np.maximum(z1, 0)
        z2 = h @ l2.w + l2.b
        e = np.exp(z2 - z2.max(axis=0))   # BUG: z2.max(axis=1, keepdims=True)
        p = e / e.sum(axis=1, keepdims=True)
        n = X.shape[0]
        g2 = (p - y) / n
        g1 = (g2 @ l2.w.T) * (z1 > 0)
        l2.w -= self.lr * (h.T @ g2)
        l2.b -= self.lr * g2.sum(axis=0)
        l1.w -= self.lr * (X.T @ g1)
        l1.b -= self.lr * g1.sum(axis=0)
        return float(-np.sum(y * np.log(p)) / n)
