"""Binary classifier in NumPy: 5 -> 10 ReLU -> 1 sigmoid, mean binary cross-entropy, gradient
descent with the gradients rescaled to a global L2 norm of at most MAX_NORM (as
torch.nn.utils.clip_grad_norm_ does, with its 1e-6 in the denominator).

    X: (n, 5), y: (n, 1) of 0/1
"""

import numpy as np

LR, MAX_NORM = 0.5, 0.25


class ClippedClassifier:
    def __init__(self, n_in=5, hidden=10, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        z2 = h @ p["W2"] + p["b2"]
        prob = 1.0 / (1.0 + np.exp(-z2))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        dz2 = (prob - y) / len(X)
        dh = (dz2 @ p["W2"].T) * (z1 > 0)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}

        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        self.grads = {k: g * scale for k, g in grads.items()}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
