"""Heteroscedastic regressor in NumPy (Nix & Weigend / Kendall & Gal style): 3 -> 16 tanh -> 2, the
first output the mean mu, the second the log-variance s = log sigma^2. The loss is the Gaussian
negative log-likelihood without its constant, mean over rows of 0.5 (s + (y - mu)^2 exp(-s)).
Heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR, MOMENTUM = 0.02, 0.9


class HeteroRegressor:
    def __init__(self, n_in=3, hidden=16, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5 / np.sqrt(hidden), (hidden, 2)),
            "b2": np.array([0.0, 1.5]),
        }
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        mu, s = out[:, :1], out[:, 1:]
        precision = np.exp(-s)
        err = y - mu
        loss = np.mean(0.5 * (s + err ** 2 * precision))

        d_mu = -err * precision / n
        d_s = 0.5 * (1.0 - err ** 2 * precision) / n
        d_out = np.concatenate([d_mu, d_s], axis=1)
        grads = {"W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        d_h = (d_out @ p["W2"].T) * (1.0 - h ** 2)
        grads["W1"] = X.T @ d_h
        grads["b1"] = d_h.sum(axis=0)
        self.grads = grads

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
