"""Softmax classifier for the three blobs with RMSprop, from scratch: 4 -> 12 sigmoid -> 3,
mean cross-entropy through a stable log-softmax. RMSprop as in Hinton's lecture 6e: a running
average of the squared gradient with decay RHO = 0.9, the step LR * g / (sqrt(avg) + EPS)."""

import numpy as np

LR = 0.01
RHO = 0.9
EPS = 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class BlobMLP:
    def __init__(self, X, y, hidden=12):
        rng = np.random.default_rng(3)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.cache = {name: np.zeros_like(p) for name, p in self.params.items()}

    def train_step(self, X, y):
        P = self.params
        h = sigmoid(X @ P["W1"] + P["b1"])
        z = h @ P["W2"] + P["b2"]
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.mean(np.sum(y * log_p, axis=1))

        dz = (np.exp(log_p) - y) / len(X)
        dh = (dz @ P["W2"].T) * h * (1.0 - h)
        self.grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}

        for name, g in self.grads.items():
            self.cache[name] = RHO * self.cache[name] + (1.0 - RHO) * g * g
            P[name] -= LR * g / (np.sqrt(self.cache[name]) + EPS)
        return float(loss)
