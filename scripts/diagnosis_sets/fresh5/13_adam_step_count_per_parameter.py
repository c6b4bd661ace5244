"""NumPy regressor (ReLU hidden layer, linear output, mean squared error) with a hand-written
Adam that loops over the parameter names. The step counter t is incremented inside that loop,
once per parameter instead of once per step: with four parameters the bias corrections of
W1, b1, W2, b2 use t = 1, 2, 3, 4 on the first step, 5..8 on the second, and so on."""

import numpy as np


class AdamRegressor:
    names = ("W1", "b1", "W2", "b2")

    def __init__(self, X, y, hidden=7, lr=0.005, b1=0.9, b2=0.999, eps=1e-8):
        rng = np.random.default_rng(13)
        self.W1 = rng.uniform(-0.5, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-0.5, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.beta1, self.beta2, self.eps = lr, b1, b2, eps
        self.m, self.v = {}, {}
        self.t = 0

    def gradients(self, X, y):
        z = X @ self.W1 + self.b1
        h = np.maximum(z, 0)
        pred = h @ self.W2 + self.b2
        d_pred = 2 * (pred - y) / pred.size
        d_z = (d_pred @ self.W2.T) * (z > 0)
        return {"W1": X.T @ d_z, "b1": d_z.sum(axis=0), "W2": h.T @ d_pred, "b2": d_pred.sum(axis=0)}, pred

    def train_step(self, X, y):
        grads, pred = self.gradients(X, y)
        for name in self.names:
            self.t += 1   # BUG: once per step, before the loop
            g = grads[name]
            m = self.m.get(name, np.zeros_like(g))
            v = self.v.get(name, np.zeros_like(g))
            m = self.beta1 * m + (1 - self.beta1) * g
            v = self.beta2 * v + (1 - self.beta2) * g * g
            self.m[name], self.v[name] = m, v
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            setattr(self, name, getattr(self, name) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return float(np.mean((pred - y) ** 2))
