"""NumPy binary classifier (ReLU hidden layer, sigmoid output, binary cross-entropy) with
Adam written as three loops over the parameter names: first moments, second moments,
update. The second loop squares g, the variable left over from the first loop (the last
parameter's, b2's, gradient, broadcast to every shape), instead of grads[k]."""

import numpy as np


class AdamNet:
    def __init__(self, X, y, hidden=6, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(12)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps

    def gradients(self, X, y):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0)
        p = 1 / (1 + np.exp(-(h @ P["W2"] + P["b2"])))
        d2 = (p - y) / X.shape[0]
        d1 = (d2 @ P["W2"].T) * (z1 > 0)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}, loss

    def train_step(self, X, y):
        grads, loss = self.gradients(X, y)
        self.t += 1
        for k in self.params:
            g = grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
        for k in self.params:
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g ** 2   # BUG: grads[k] ** 2, not the leftover g
        for k in self.params:
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            self.params[k] = self.params[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
