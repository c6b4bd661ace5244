"""Pre-activation residual classifier: z2 = z1 + relu(z1) W2 + b2 and a final ReLU before the
head, logits = relu(z2) W3 + b3; cross-entropy, heavy-ball momentum.
"""

import numpy as np


class PreActResidualClassifier:
    def __init__(self, n_in=5, width=8, n_classes=3, lr=0.1, mu=0.9, seed=21):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width)), "b1": np.zeros(width),
            "W2": rng.normal(0.0, np.sqrt(2.0 / width), (width, width)), "b2": np.zeros(width),
            "W3": rng.normal(0.0, np.sqrt(2.0 / width), (width, n_classes)), "b3": np.zeros(n_classes),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]                  # stem, no activation
        a1 = np.maximum(z1, 0.0)                    # pre-activation of the block
        z2 = z1 + a1 @ p["W2"] + p["b2"]            # identity + branch
        a2 = np.maximum(z2, 0.0)                    # final activation before the head
        logits = a2 @ p["W3"] + p["b3"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))

        d_logits = (prob - y) / len(X)
        d_z2 = (d_logits @ p["W3"].T) * (z2 > 0)
        d_a1 = d_z2 @ p["W2"].T
        d_z1 = d_z2 + d_a1 * (z1 > 0)
        g = {
            "W3": a2.T @ d_logits, "b3": d_logits.sum(axis=0),
            "W2": a1.T @ d_z2, "b2": d_z2.sum(axis=0),
            "W1": X.T @ d_z1, "b1": d_z1.sum(axis=0),
        }
        self.grads = g
        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
