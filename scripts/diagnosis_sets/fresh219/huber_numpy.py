"""Robust regression with the Huber loss, from scratch in NumPy.

    h = tanh(X @ w_in + b_in)        w_in (4, 16), b_in (16,)
    yhat = h @ w_out + b_out         w_out (16, 1), b_out (1,)
    r = yhat - y
    L = mean huber_delta(r),  huber(r) = r^2 / 2 if |r| <= delta else delta (|r| - delta / 2),  delta 0.5

dL/dyhat = clip(r, -delta, delta) / N.
AdamW: lr 0.01, betas (0.9, 0.999), eps 1e-8, weight decay 0.01 decoupled (w -= lr wd w before
the Adam step), bias-corrected, as torch.optim.AdamW.
"""

import numpy as np


class HuberRegressor:
    def __init__(self, n_in=4, hidden=16, delta=0.5, lr=0.01, weight_decay=0.01, seed=3):
        rng = np.random.default_rng(seed)
        self.p = {
            "w_in": rng.standard_normal((n_in, hidden)) * np.sqrt(1.0 / n_in),
            "b_in": np.zeros(hidden),
            "w_out": rng.standard_normal((hidden, 1)) * np.sqrt(1.0 / hidden),
            "b_out": np.zeros(1),
        }
        self.delta = delta
        self.lr, self.wd = lr, weight_decay
        self.betas, self.eps = (0.9, 0.999), 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.step_count = 0
        self.grads = {}

    def predict(self, X):
        self.X = X
        self.h = np.tanh(X @ self.p["w_in"] + self.p["b_in"])
        return self.h @ self.p["w_out"] + self.p["b_out"]

    def loss(self, X, y):
        r = self.predict(X) - y
        a = np.abs(r)
        d = self.delta
        return np.mean(np.where(a <= d, 0.5 * r ** 2, d * (a - 0.5 * d)))

    def backward(self, X, y):
        r = self.predict(X) - y
        dy = np.clip(r, -self.delta, self.delta) / r.size
        self.grads["w_out"] = self.h.T @ dy
        self.grads["b_out"] = dy.sum(axis=0)
        dpre = (dy @ self.p["w_out"].T) * (1 - self.h ** 2)
        self.grads["w_in"] = self.X.T @ dpre
        self.grads["b_in"] = dpre.sum(axis=0)

    def adamw(self):
        self.step_count += 1
        b1, b2 = self.betas
        t = self.step_count
        for k, w in self.p.items():
            g = self.grads[k]
            w *= 1 - self.lr * self.wd
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g ** 2
            m_hat = self.m[k] / (1 - b1 ** t)
            v_hat = self.v[k] / (1 - b2 ** t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(X, y)
        self.adamw()
        return loss
