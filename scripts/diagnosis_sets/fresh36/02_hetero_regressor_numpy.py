"""Heteroscedastic regressor in NumPy: 3 -> 12 tanh -> 2 heads, the mean mu and a raw scale s
whose variance is softplus(s) + MIN_VAR (a floor keeps the variance away from zero). The loss is
the Gaussian negative log-likelihood without its constant, mean over the rows of
0.5 (log var + (y - mu)^2 / var); plain gradient descent at 0.05.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

MIN_VAR = 1e-3
LR = 0.05


class HeteroRegressor:
    def __init__(self, n_in=3, hidden=12, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 2))
        self.b2 = np.zeros(2)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        mu, s = out[:, :1], out[:, 1:]
        var = np.logaddexp(0.0, s) + MIN_VAR
        r = y - mu
        loss = np.mean(0.5 * (np.log(var) + r ** 2 / var))

        d_mu = -r / var / n
        d_var = 0.5 * (1.0 / var - r ** 2 / var ** 2) / n
        d_s = d_var / (1.0 + np.exp(-s))
        d_out = np.concatenate([d_mu, d_s], axis=1)
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_out)
        self.b2 -= LR * d_out.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        return float(loss)
