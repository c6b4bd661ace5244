"""NumPy regressor (sigmoid hidden layer, linear output, mean squared error) trained with
Adam, parameters and moments in dicts. The first moment is updated in a local variable
(m = self.m[k]; m = beta1 * m + ...), which rebinds the name and is never written back, while
the second moment is stored: self.m stays zero, so m is (1 - beta1) * g every step."""

import numpy as np


class AdamRegressor:
    def __init__(self, X, y, hidden=6, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(12)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.m = self.v = None   # made at the first step, in the parameters' dtype
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = 1.0 / (1.0 + np.exp(-(X @ p["W1"] + p["b1"])))
        out = h @ p["W2"] + p["b2"]
        d_out = 2 * (out - y) / out.size
        d_h = (d_out @ p["W2"].T) * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in p.items()}
            self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t += 1
        for k, g in grads.items():
            m = self.m[k]
            m = self.beta1 * m + (1 - self.beta1) * g   # BUG: self.m[k] = ... (never stored back)
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(np.mean((out - y) ** 2))
