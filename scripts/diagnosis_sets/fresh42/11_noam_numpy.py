"""Blob classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy, heavy-ball momentum
under the Transformer ("Noam") schedule: BASE * min(s^-0.5, s * WARMUP^-1.5) at update s = 1, 2, ...
(a linear warm-up for WARMUP updates, then inverse-square-root decay)."""

import numpy as np

BASE, MU, WARMUP = 1.5, 0.9, 8


class NoamClassifier:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (5, 10)), "b1": np.zeros(10),
                       "W2": rng.normal(0.0, 0.5, (10, 3)), "b2": np.zeros(3)}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
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
        self.t += 1
        s = self.t
        lr = BASE * max(s ** -0.5, s * WARMUP ** -1.5)  # fix: BASE * min(s ** -0.5, s * WARMUP ** -1.5)
        for k in g:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= lr * self.velocity[k]
        self.grads = g
        return float(loss)
