"""Three-class classifier in NumPy: 5 -> 10 ReLU -> 3 softmax, mean cross-entropy, momentum SGD
with the Caffe convention for biases: they learn at BIAS_LR_MULT times the weights' rate.
Both rates decay as LR0 / (1 + DECAY * t) with t the number of updates made so far.

    X: (n, 5), y: one-hot (n, 3)
"""

import numpy as np

LR0, DECAY = 0.2, 0.1
BIAS_LR_MULT = 2.0
MOMENTUM = 0.9


class BlobClassifier:
    def __init__(self, n_in=5, hidden=10, n_classes=3, seed=6):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_classes)),
            "b2": np.zeros(n_classes),
        }
        self.lr_mult = {k: (BIAS_LR_MULT if k.startswith("b") else 1.0) for k in self.params}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        z2 = h @ p["W2"] + p["b2"]
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        d2 = (probs - y) / len(X)
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.grads = grads

        lr = LR0 / (1.0 + DECAY * self.t)
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= self.lr_mult[k] * lr * self.velocity[k]
        self.t += 1
        return float(loss)
