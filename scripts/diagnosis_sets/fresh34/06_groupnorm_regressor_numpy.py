"""Two-output regressor with group normalisation of the hidden units, NumPy (Wu and He, applied to
a dense layer: the 12 units are split into GROUPS = 3 contiguous groups of GROUP_SIZE = 4, each
normalised with its own mean and biased variance, then a per-unit gain and shift).

    4 -> 12 (group norm) tanh -> 2 linear, mean squared error, Adam

    X: (n, 4), y: (n, 2)
"""

import numpy as np

GROUPS, GROUP_SIZE = 3, 4
EPS = 1e-5
LR, BETA1, BETA2, ADAM_EPS = 0.01, 0.9, 0.999, 1e-8


class GroupNormRegressor:
    def __init__(self, n_in=4, n_out=2, seed=6):
        hidden = GROUPS * GROUP_SIZE
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "gain": np.ones(hidden),
            "shift": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = X @ p["W1"] + p["b1"]
        zg = z.reshape(n, GROUPS, GROUP_SIZE)
        mean = zg.mean(axis=2, keepdims=True)
        var = zg.var(axis=2, keepdims=True)
        rstd = 1.0 / np.sqrt(var + EPS)
        xhat_g = (zg - mean) * rstd
        xhat = xhat_g.reshape(n, -1)
        h = np.tanh(p["gain"] * xhat + p["shift"])
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / out.size
        grads = {"W2": h.T @ dout, "b2": dout.sum(axis=0)}
        dzn = (dout @ p["W2"].T) * (1.0 - h ** 2)
        grads["gain"] = (dzn * xhat).sum(axis=0)
        grads["shift"] = dzn.sum(axis=0)
        dxhat = (dzn * p["gain"]).reshape(n, GROUPS, GROUP_SIZE)
        dz = rstd * (dxhat - dxhat.mean(axis=2, keepdims=True)
                     - xhat_g * (dxhat * xhat_g).mean(axis=2, keepdims=True))
        dz = dz.reshape(n, -1)
        grads["W1"] = X.T @ dz
        grads["b1"] = dz.sum(axis=0)
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * grads[k]
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - BETA1 ** self.t)
            v_hat = self.v[k] / (1 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
