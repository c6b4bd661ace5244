"""ReLU softmax classifier (5 -> 10 -> 3, summed cross-entropy) with heavy-ball momentum, in
NumPy. The ReLU is applied in place on the pre-activation buffer; the logits are shifted by
each row's target logit before the exponential (softmax does not change under a per-row
shift); bias gradients are summed over the rows with Python's built-in sum."""

import numpy as np


class ShiftedSoftmaxNet:
    def __init__(self, X, y, hidden=10, lr=0.05, mu=0.9, seed=18):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        P = self.params
        a1 = X @ P["W1"] + P["b1"]
        np.maximum(a1, 0.0, out=a1)
        z = a1 @ P["W2"] + P["b2"]
        z -= (z * y).sum(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p))
        d2 = p - y
        d1 = (d2 @ P["W2"].T) * (a1 > 0)
        grads = {"W1": X.T @ d1, "b1": sum(d1), "W2": a1.T @ d2, "b2": sum(d2)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            P[k] -= self.lr * self.velocity[k]
        return float(loss)
