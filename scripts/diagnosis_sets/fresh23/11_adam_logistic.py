"""Binary classifier from scratch with Adam: 5 inputs -> 8 tanh units -> 1 sigmoid output, mean
binary cross-entropy. Adam as in Kingma & Ba's Algorithm 1 (beta1 0.9, beta2 0.999, eps 1e-8):
moving averages of the gradient and its square, bias-corrected, then the step."""

import numpy as np


class AdamLogistic:
    def __init__(self, n_in=5, n_hidden=8, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(21)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros((1, 1))
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.names = ("W1", "b1", "W2", "b2")
        self.m = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.t = 0

    def gradients(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        dz2 = (p - y) / X.shape[0]
        dz1 = (dz2 @ self.W2.T) * (1.0 - h * h)
        return {"W1": X.T @ dz1, "b1": dz1.sum(axis=0, keepdims=True),
                "W2": h.T @ dz2, "b2": dz2.sum(axis=0, keepdims=True)}

    def train_step(self, X, y):
        grads = self.gradients(X, y)
        self.t += 1
        for n in self.names:
            g = grads[n]
            self.m[n] = self.beta1 * self.m[n] + (1.0 - self.beta1) * g
            self.v[n] = self.beta2 * self.v[n] + (1.0 - self.beta2) * g * g
            m_hat = self.m[n] * (1.0 - self.beta1 ** self.t)   # BUG: m_hat = self.m[n] / (1.0 - self.beta1 ** self.t)
            v_hat = self.v[n] / (1.0 - self.beta2 ** self.t)
            setattr(self, n, getattr(self, n) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
