"""Binary classifier trained with a hand-written Adam: 5 inputs -> 8 ReLU -> 1 sigmoid, mean
binary cross-entropy; Adam with lr 0.01, betas (0.9, 0.999), eps 1e-8 and bias correction.
Parameters, moments and gradients are dicts keyed by the parameter's name."""

import numpy as np

BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class AdamClassifier:
    def __init__(self, n_in=5, hidden=8, lr=0.01, seed=14):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr

    def gradients(self, X, y):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        a1 = np.maximum(z1, 0.0)
        p = 1.0 / (1.0 + np.exp(-(a1 @ P["W2"] + P["b2"])))
        d2 = (p - y) / len(X)
        d1 = (d2 @ P["W2"].T) * (z1 > 0)
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": a1.T @ d2, "b2": d2.sum(axis=0)}

    def train_step(self, X, y):
        grads = self.gradients(X, y)
        self.t += 1
        for k, g in grads.items():
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g ** 2   # BUG: self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g ** 2
            m_hat = self.m[k] / (1 - BETA1 ** self.t)
            v_hat = self.v[k] / (1 - BETA2 ** self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + EPS)
