"""Count regressor in NumPy: 4 -> 8 tanh -> 1 log-rate z, the Poisson rate exp(z) capped at
RMAX = 6 so a wild log-rate cannot blow up the loss, mean Poisson negative log-likelihood
(rate - y log rate, without log y!), gradient descent. Where the cap holds, the rate is a
constant and passes no gradient.

    X: (n, 4), y: (n, 1) counts
"""

import numpy as np

RMAX = 6.0
LR = 0.05


class CountNet:
    def __init__(self, n_in=4, hidden=8, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.8, (hidden, 1))
        self.b2 = np.full(1, 1.5)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z)
        rate = np.minimum(e, RMAX)
        loss = np.mean(rate - y * np.log(rate))

        dz = (rate - y) * (e < RMAX) / n
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
