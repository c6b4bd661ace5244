"""Differencing forecaster in NumPy: the network sees the 11 first differences of each 12-value
window (tanh layer of 8) and forecasts the next three step-to-step changes; the differencing is
undone by adding their running sum to the window's last value. MSE on the levels, heavy-ball
momentum (v = mu v + g, p -= lr v, as torch.optim.SGD).

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, HID = 12, 3, 8


class DiffForecaster:
    def __init__(self, lr=0.05, momentum=0.9, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L - 1), (L - 1, HID)),
            "b1": np.zeros(HID),
            "W2": rng.normal(0.0, 0.5 / np.sqrt(HID), (HID, H)),
            "b2": np.zeros(H),
        }
        self.lr, self.mu = lr, momentum
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        d = np.diff(X, axis=1)
        h = np.tanh(d @ p["W1"] + p["b1"])
        delta = h @ p["W2"] + p["b2"]
        f = X[:, -1:] + np.cumsum(delta, axis=1)
        loss = np.mean((f - y) ** 2)

        d_f = 2.0 * (f - y) / f.size
        d_delta = np.cumsum(d_f[:, ::-1], axis=1)[:, ::-1]
        g = {"W2": h.T @ d_delta, "b2": d_delta.sum(axis=0)}
        d_z = (d_delta @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = d.T @ d_z
        g["b1"] = d_z.sum(axis=0)
        self.grads = g

        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
