"""NumPy ReLU softmax classifier (4 -> 9 -> 3, mean cross-entropy) with Adam (beta1 = 0.9,
beta2 = 0.999, eps = 1e-8), moments kept per parameter in dicts."""

import numpy as np


class AdamSoftmax:
    def __init__(self, X, y, hidden=9, lr=0.01):
        rng = np.random.default_rng(4)
        self.params = {"W1": rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], hidden)),
                       "b1": np.zeros(hidden),
                       "W2": rng.normal(0, np.sqrt(1 / hidden), (hidden, y.shape[1])),
                       "b2": np.zeros(y.shape[1])}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.t = 0

    def train_step(self, X, y):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        a1 = np.maximum(0, z1)
        z2 = a1 @ P["W2"] + P["b2"]
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        dz2 = (probs - y) / len(X)
        dz1 = dz2 @ P["W2"].T * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": a1.T @ dz2, "b2": dz2.sum(0)}
        self.t += 1
        for k in P:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k]   # BUG: bias-correct the second moment too: v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            P[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(-np.mean(np.sum(y * np.log(probs), axis=1)))
