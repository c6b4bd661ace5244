"""RevIN forecaster in NumPy: each 12-value window is normalised by its own mean and standard
deviation (sqrt(var + eps), as the RevIN paper's code), passed through RevIN's affine (gamma,
beta), a tanh layer of 8 and a linear head of 3 horizons; the seasonal naive forecast (period 4,
taken from the normalised window) is added as a residual; the affine is inverted and the
window's statistics put back. MSE on the original scale, plain SGD.

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, S, HID, EPS = 12, 3, 4, 8, 1e-5


class RevinForecaster:
    def __init__(self, lr=0.1, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HID)),
            "b1": np.zeros(HID),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, H)),
            "b2": np.zeros(H),
            "gamma": np.ones(1),
            "beta": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        mu = X.mean(axis=1, keepdims=True)
        sd = np.sqrt(X.var(axis=1, keepdims=True) + EPS)
        xn = (X - mu) / sd
        xa = xn * p["gamma"] + p["beta"]
        h = np.tanh(xa @ p["W1"] + p["b1"])
        season = xa[:, L - S:L - S + H]
        fa = h @ p["W2"] + p["b2"] + season
        fn = (fa - p["beta"]) / p["gamma"]
        f = fn * sd + mu
        loss = np.mean((f - y) ** 2)

        d_f = 2.0 * (f - y) / f.size
        d_fn = d_f * sd
        d_fa = d_fn / p["gamma"]
        g = {"gamma": -np.sum(d_fn * fn, keepdims=True).reshape(1) / p["gamma"],
             "beta": -np.sum(d_fa, keepdims=True).reshape(1)}
        g["W2"] = h.T @ d_fa
        g["b2"] = d_fa.sum(axis=0)
        d_z = (d_fa @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = xa.T @ d_z
        g["b1"] = d_z.sum(axis=0)
        d_xa = d_z @ p["W1"].T
        d_xa[:, L - S:L - S + H] += d_fa
        g["gamma"] = g["gamma"] + np.sum(d_xa * xn).reshape(1)
        g["beta"] = g["beta"] + np.sum(d_xa).reshape(1)
        self.grads = g

        for k in p:
            p[k] -= self.lr * g[k]
        return float(loss)
