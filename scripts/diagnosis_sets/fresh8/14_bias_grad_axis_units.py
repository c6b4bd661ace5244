"""NumPy tanh network (4 -> 8 -> 1, sigmoid output, half the sum of squared errors, Adam,
mini-batches of 8), parameters and Adam moments in dicts. The hidden bias gradient is summed
with axis=1, over the 8 hidden units of each row, instead of axis=0, over the rows: with
mini-batches of 8 rows and 8 hidden units the result has the bias's shape and nothing
complains."""

import numpy as np


class TanhNet:
    def __init__(self, X, y, hidden=8, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(14)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m, self.v, self.t = {}, {}, 0

    def train_step(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        out = 1 / (1 + np.exp(-(h @ P["W2"] + P["b2"])))
        loss = float(0.5 * np.sum((out - y) ** 2))
        d2 = (out - y) * out * (1 - out)
        d1 = (d2 @ P["W2"].T) * (1 - h ** 2)
        grads = {
            "W1": X.T @ d1,
            "b1": d1.sum(axis=1),   # BUG: sum over the rows: d1.sum(axis=0)
            "W2": h.T @ d2,
            "b2": d2.sum(axis=0),
        }
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m.get(k, 0) + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v.get(k, 0) + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            P[k] = P[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
