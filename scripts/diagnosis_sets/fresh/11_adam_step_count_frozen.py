"""Adam with bias correction, but the step counter is set to 1 in __init__ and never
incremented, so every step is corrected as if it were the first."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class AdamMLP:
    def __init__(self, X, y, hidden=6, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(8)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)), "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])), "b2": np.zeros(y.shape[1]),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 1

    def train_step(self, X, y):
        p = self.params
        h = sigmoid(X @ p["W1"] + p["b1"])
        o = sigmoid(h @ p["W2"] + p["b2"])
        d_o = (o - y) / len(X)
        d_h = d_o @ p["W2"].T * h * (1 - h)
        grads = {"W2": h.T @ d_o, "b2": d_o.sum(0), "W1": X.T @ d_h, "b1": d_h.sum(0)}
        # BUG: self.t += 1 missing
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return o
