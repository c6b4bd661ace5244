"""NumPy tanh regressor (4 -> 8 -> 1, linear output, half mean squared error, Adam,
mini-batches of 10). The two moment stores were created with a chained assignment,
self.m = self.v = {}: both names bind one dict. Each step reads the old m and v (the same
entry), computes both moments correctly for that step, then writes m and v under the same key,
v last, so from step 2 the first moment starts from the previous second moment:
m = beta1 v_prev + (1 - beta1) g."""

import numpy as np


class AdamRegressor:
    def __init__(self, X, y, n_hidden=8, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(1309)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m = self.v = {}   # BUG: two stores: self.m, self.v = {}, {}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = float(0.5 * np.mean((out - y) ** 2))
        d2 = (out - y) / n
        d1 = (d2 @ self.W2.T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        beta1, beta2 = self.betas
        for name, g in grads.items():
            m_old = self.m.get(name, 0.0)
            v_old = self.v.get(name, 0.0)
            m = beta1 * m_old + (1.0 - beta1) * g
            v = beta2 * v_old + (1.0 - beta2) * g * g
            self.m[name] = m
            self.v[name] = v
            m_hat = m / (1.0 - beta1 ** self.t)
            v_hat = v / (1.0 - beta2 ** self.t)
            setattr(self, name, getattr(self, name) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return loss
