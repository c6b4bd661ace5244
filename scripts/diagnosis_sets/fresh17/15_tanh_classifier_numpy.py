"""NumPy tanh classifier, 6 -> 9 -> 1, sigmoid output, summed binary cross-entropy, SGD with
heavy-ball momentum (v = MU v + g; p -= LR v). Parameters in a dict; the velocities are made
lazily on the first step, one per parameter. PyTorch port: 15_tanh_classifier_torch.py."""

import numpy as np

LR = 0.02
MU = 0.9


class TanhClassifier:
    def __init__(self, n_in=6, n_hidden=9, seed=15):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        p = 1.0 / (1.0 + np.exp(-(h @ P["W2"] + P["b2"])))
        loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz2 = p - y
        dz1 = (dz2 @ P["W2"].T) * (1 - h * h)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}

        if not hasattr(self, "velocity"):   # BUG: if not hasattr(self, "velocities"):
            self.velocities = {k: np.zeros_like(v) for k, v in P.items()}
        for k, g in grads.items():
            self.velocities[k] = MU * self.velocities[k] + g
            P[k] -= LR * self.velocities[k]
        return float(loss)
