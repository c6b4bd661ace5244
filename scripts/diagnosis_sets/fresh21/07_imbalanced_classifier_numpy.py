"""Three-class softmax classifier for imbalanced data, from scratch: 5 -> 12 ReLU -> 3, a
class-weighted cross-entropy (the rare classes count more, class_weights = 1, 2, 4) averaged
over the rows of the batch, SGD with heavy-ball momentum."""

import numpy as np

LR = 0.1
MU = 0.9


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class WeightedSoftmaxNet:
    def __init__(self, X, y, hidden=12):
        rng = np.random.default_rng(17)
        self.W1 = rng.normal(0.0, 0.4, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.4, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.class_weights = np.array([1.0, 2.0, 4.0])
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        p = softmax(h @ self.W2 + self.b2)
        w = y @ self.class_weights                        # each row's weight
        loss = np.sum(w * -np.sum(y * np.log(p), axis=1)) / len(X)

        dz2 = w[:, None] * (p - y) / len(X)
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
