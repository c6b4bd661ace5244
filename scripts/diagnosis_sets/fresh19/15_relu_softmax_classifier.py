"""ReLU classifier in NumPy with a log-domain softmax: 5 -> 10 -> 10 -> 4 classes, summed
cross-entropy, heavy-ball momentum. Parameters in a dict.
"""

import numpy as np


def log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log1p(np.exp(z - m).sum(axis=1, keepdims=True))   # BUG: return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


class ReluSoftmaxClassifier:
    def __init__(self, n_in=5, hidden=10, classes=4, lr=0.02, momentum=0.9, seed=15):
        rng = np.random.default_rng(seed)
        self.p = {
            "W1": rng.normal(0, np.sqrt(2 / n_in), (n_in, hidden)), "b1": np.zeros(hidden),
            "W2": rng.normal(0, np.sqrt(2 / hidden), (hidden, hidden)), "b2": np.zeros(hidden),
            "W3": rng.normal(0, np.sqrt(1 / hidden), (hidden, classes)), "b3": np.zeros(classes),
        }
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: np.zeros_like(v) for k, v in self.p.items()}

    def train_step(self, X, y):
        p = self.p
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        z2 = a1 @ p["W2"] + p["b2"]
        a2 = np.maximum(z2, 0)
        logp = log_softmax(a2 @ p["W3"] + p["b3"])
        self.probs = np.exp(logp)
        loss = -np.sum(y * logp)

        g = {}
        d3 = self.probs - y
        g["W3"], g["b3"] = a2.T @ d3, d3.sum(0)
        d2 = (d3 @ p["W3"].T) * (z2 > 0)
        g["W2"], g["b2"] = a1.T @ d2, d2.sum(0)
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        g["W1"], g["b1"] = X.T @ d1, d1.sum(0)

        for k in p:
            self.velocity[k] = self.momentum * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
