"""Soft Jaccard (IoU) loss on 2x2 masks, NumPy: 6 -> 8 tanh -> 4 sigmoid pixels.
J_i = (I + S) / (U + S), I = sum p y, U = sum (p + y - p y) per example; loss = mean(1 - J)."""

import numpy as np

S = 1.0
LR = 1.0


class JaccardNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.6, (n_in, n_hidden)), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, 0.6, (n_hidden, n_out)), "b2": np.zeros(n_out),
        }

    def train_step(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        p = 1.0 / (1.0 + np.exp(-(h @ P["W2"] + P["b2"])))
        inter = np.sum(p * y, axis=1, keepdims=True) + S
        union = np.sum(p + y - p * y, axis=1, keepdims=True) + S
        loss = np.mean(1.0 - inter / union)
        dp = -(y * union - inter * (1 - y)) / union ** 2 / len(X)
        dz = dp * p * (1 - p)
        dh = (dz @ P["W2"].T) * (1 - h ** 2)
        grads = {"W2": h.T @ dz, "b2": dz.sum(0), "W1": X.T @ dh, "b1": dh.sum(0)}
        for k, g in grads.items():
            P[k] -= LR * g
        return loss
