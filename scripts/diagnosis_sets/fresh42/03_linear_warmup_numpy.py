"""Blob classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy, SGD under a linear
warm-up of the rate from START * LR to LR over TOTAL updates (torch's LinearLR):
LR * (START + (1 - START) * min(t, TOTAL) / TOTAL) on update t = 0, 1, ..."""

import numpy as np

LR, START, TOTAL = 0.5, 0.25, 6


class WarmupClassifier:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (5, 10)), "b1": np.zeros(10),
                       "W2": rng.normal(0.0, 0.5, (10, 3)), "b2": np.zeros(3)}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))
        d = (prob - y) / len(X)
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        g = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d, "b2": d.sum(axis=0)}
        lr = LR * (START + (1.0 - START) * min(self.t, TOTAL) / TOTAL)
        for k in g:
            p[k] -= lr * g[k]
        self.grads = g
        self.t += 1
        return float(loss)
