"""DenseNet-like block in NumPy: each layer's ReLU output is concatenated with its input,
c1 = [X, relu(X W1 + b1)], c2 = [c1, relu(c1 W2 + b2)], logits = c2 W3 + b3; mean cross-entropy, SGD.
"""

import numpy as np


class DenseBlockClassifier:
    def __init__(self, n_in=5, growth=6, n_classes=3, lr=0.2, seed=3):
        rng = np.random.default_rng(seed)
        c1, c2 = n_in + growth, n_in + 2 * growth
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, growth)), "b1": np.zeros(growth),
            "W2": rng.normal(0.0, np.sqrt(2.0 / c1), (c1, growth)), "b2": np.zeros(growth),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(c2), (c2, n_classes)), "b3": np.zeros(n_classes),
        }
        self.n_in, self.lr = n_in, lr

    def train_step(self, X, y):
        p, k = self.params, self.n_in
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0.0)
        c1 = np.hstack([X, h1])
        z2 = c1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0.0)
        c2 = np.hstack([c1, h2])
        logits = c2 @ p["W3"] + p["b3"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))

        d_logits = (prob - y) / len(X)
        d_c2 = d_logits @ p["W3"].T
        d_z2 = d_c2[:, c1.shape[1]:] * (z2 > 0)
        d_c1 = d_c2[:, :c1.shape[1]] + d_z2 @ p["W2"].T
        d_z1 = d_c1[:, k:] * (z1 > 0)
        self.grads = {
            "W3": c2.T @ d_logits, "b3": d_logits.sum(axis=0),
            "W2": np.hstack([X, h1]).T @ d_z2, "b2": d_z2.sum(axis=0),
            "W1": X.T @ d_z1, "b1": d_z1.sum(axis=0),
        }
        for name in p:
            p[name] -= self.lr * self.grads[name]
        return float(loss)
