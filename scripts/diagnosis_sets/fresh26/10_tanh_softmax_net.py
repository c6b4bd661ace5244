"""Tanh / softmax classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy over the
examples, Adam. The number of examples is counted from the one-hot targets.
"""

import numpy as np


class TanhSoftmaxNet:
    def __init__(self, n_in=5, hidden=10, n_classes=3, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.names = ("W1", "b1", "W2", "b2")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)

        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        # examples in the batch: every one-hot row holds a single 1
        n_examples = y.sum(axis=0)   # BUG: n_examples = y.sum()
        d_z = (probs - y) / n_examples
        d_h = (d_z @ self.W2.T) * (1.0 - h * h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}

        self.t += 1
        for k in self.names:
            g = grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return float(loss)
