"""NumPy sigmoid / softmax network (5 -> 8 -> 3) trained on the mean squared error of its
softmax probabilities, with heavy-ball momentum. The backward pass uses the cross-entropy
shortcut dz = (p - y) / n, which holds for softmax with cross-entropy only; the MSE's
gradient 2 (p - y) / (n K) has to go through the softmax Jacobian."""

import numpy as np


class SoftmaxRegressor:
    def __init__(self, X, y, n_hidden=8, lr=0.5, mu=0.9):
        rng = np.random.default_rng(11)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 0.5, (n_hidden, y.shape[1])), "b2": np.zeros(y.shape[1]),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        P = self.params
        h = 1.0 / (1.0 + np.exp(-(X @ P["W1"] + P["b1"])))
        z = h @ P["W2"] + P["b2"]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = float(np.mean((p - y) ** 2))
        dp = 2.0 * (p - y) / y.size
        dz = (p - y) / len(X)   # BUG: MSE through the softmax Jacobian: dz = p * (dp - (dp * p).sum(axis=1, keepdims=True))
        dh = (dz @ P["W2"].T) * h * (1 - h)
        grads = {"W2": h.T @ dz, "b2": dz.sum(0), "W1": X.T @ dh, "b1": dh.sum(0)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            P[k] -= self.lr * self.velocity[k]
        return loss
