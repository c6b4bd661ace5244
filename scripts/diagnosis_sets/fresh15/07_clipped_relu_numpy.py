"""NumPy ReLU network (5 -> 10 -> 1, sigmoid output, summed binary cross-entropy) trained by SGD
with the gradients clipped to a global L2 norm of at most 1.0 over all parameters together,
the way torch.nn.utils.clip_grad_norm_ does it. Port: 07_clipped_relu_torch.py."""

import numpy as np

LR = 0.1
MAX_NORM = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ClippedNet:
    def __init__(self, X, y, hidden=10, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0.0)
        p = sigmoid(h @ P["W2"] + P["b2"])
        loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz2 = p - y
        dz1 = (dz2 @ P["W2"].T) * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        total = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        scale = min(1.0, MAX_NORM / (total + 1e-6))
        for k, g in grads.items():
            P[k] -= LR * scale * g
        return float(loss)
