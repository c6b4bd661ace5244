"""NumPy network with two tanh hidden layers, a sigmoid output and binary cross-entropy,
trained with a hand-written Adam over a dict of parameters. The first moment's bias
correction is missing its parentheses: m / 1 - beta1 ** t is m - beta1 ** t, not
m / (1 - beta1 ** t) (the second moment's line has them)."""

import numpy as np


class DeepTanhAdam:
    def __init__(self, X, y, hidden=(6, 6), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(12)
        sizes = [X.shape[1], *hidden, y.shape[1]]
        self.params = {}
        for i in range(3):
            self.params[f"W{i + 1}"] = rng.normal(0, 1 / np.sqrt(sizes[i]), (sizes[i], sizes[i + 1]))
            self.params[f"b{i + 1}"] = np.zeros(sizes[i + 1])
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m, self.v, self.t = {}, {}, 0

    def train_step(self, X, y):
        p = self.params
        a1 = np.tanh(X @ p["W1"] + p["b1"])
        a2 = np.tanh(a1 @ p["W2"] + p["b2"])
        out = 1 / (1 + np.exp(-(a2 @ p["W3"] + p["b3"])))
        n = X.shape[0]
        d3 = (out - y) / n
        d2 = (d3 @ p["W3"].T) * (1 - a2 ** 2)
        d1 = (d2 @ p["W2"].T) * (1 - a1 ** 2)
        grads = {"W3": a2.T @ d3, "b3": d3.sum(0), "W2": a1.T @ d2, "b2": d2.sum(0),
                 "W1": X.T @ d1, "b1": d1.sum(0)}
        self.t += 1
        for k, g in grads.items():
            if k not in self.m:
                self.m[k], self.v[k] = np.zeros_like(g), np.zeros_like(g)
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g ** 2
            m_hat = self.m[k] / 1 - self.beta1 ** self.t   # BUG: self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))
