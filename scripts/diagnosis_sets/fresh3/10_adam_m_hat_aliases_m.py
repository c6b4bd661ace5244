"""NumPy Adam network (sigmoid hidden layer, binary cross-entropy). The bias correction is
done in place on an alias: m_hat = m; m_hat /= 1 - beta1**t rescales the stored first
moment too, so the corrected m_hat is carried into the next step's m."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AdamNet:
    def __init__(self, X, y, hidden=5, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(5)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.names = ("W1", "b1", "W2", "b2")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def train_step(self, X, y):
        n = X.shape[0]
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d2 = (o - y) / n
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, g in grads.items():
            m, v = self.m[k], self.v[k]
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            m_hat = m; m_hat /= 1 - b1 ** self.t   # BUG: m_hat = m / (1 - b1 ** self.t)
            v_hat = v / (1 - b2 ** self.t)
            param = getattr(self, k)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(-np.mean(y * np.log(o) + (1 - y) * np.log(1 - o)))
