"""NumPy sigmoid / softmax classifier (5 -> 9 -> 3, summed cross-entropy, Adam, mini-batches
of 14). The epsilon default was typed eps=1e8 instead of eps=1e-8 (the minus sign of the
exponent lost): the denominator sqrt(v_hat) + eps is about 1e8, so every update is some
1e-8 of Adam's and the parameters barely move."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AdamSoftmax:
    def __init__(self, X, y, n_hidden=9, lr=0.01, beta1=0.9, beta2=0.999,
                 eps=1e8):   # BUG: the exponent's sign: eps=1e-8):
        rng = np.random.default_rng(1310)
        self.params = {"W1": rng.normal(0, 0.5, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
                       "W2": rng.normal(0, 0.5, (n_hidden, y.shape[1])), "b2": np.zeros(y.shape[1])}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = sigmoid(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(probs)))
        dz = probs - y
        dh = (dz @ p["W2"].T) * h * (1.0 - h)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g ** 2
            m_hat = self.m[k] / (1.0 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1.0 - self.beta2 ** self.t)
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
