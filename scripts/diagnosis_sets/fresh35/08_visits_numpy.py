"""Visit counts in NumPy: Poisson regression network 4 -> 6 tanh -> z with the canonical log
link, rate = exp(z), loss mean(rate - y log rate), gradient (rate - y) / n; heavy-ball momentum.

    X: (n, 4), y: (n, 1) counts
"""

import numpy as np

LR, MU = 0.05, 0.9


class VisitNet:
    def __init__(self, n_in=4, hidden=6, seed=8):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.3 / np.sqrt(hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        rate = np.exp(z)
        loss = np.mean(rate - y * np.log(rate))
        dz = (rate - y) / len(y)
        dh = (dz @ p["W2"].T) * (1 - h ** 2)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
