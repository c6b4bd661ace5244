"""Autoregressive decoder in NumPy, unrolled over 3 horizons with teacher forcing: at every
step a tanh layer of 8 reads the 12-value window and the previous value (the window's last
value at the first step, then the stored target of the step before), and one shared linear
unit forecasts the next value. MSE over all steps, plain SGD.

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, HID = 12, 3, 8


class ARDecoder:
    def __init__(self, lr=0.1, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HID)),
            "u": rng.normal(0.0, 1.0, HID),
            "b1": np.zeros(HID),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, 1)),
            "b2": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        steps, preds = [], []
        prev = X[:, -1:]
        for k in range(H):
            z = np.tanh(X @ p["W1"] + prev * p["u"] + p["b1"])
            pred = z @ p["W2"] + p["b2"]
            steps.append((prev, z))
            preds.append(pred)
            prev = y[:, k:k + 1]
        f = np.concatenate(preds, axis=1)
        loss = np.mean((f - y) ** 2)

        d_f = 2.0 * (f - y) / f.size
        g = {k: np.zeros_like(v) for k, v in p.items()}
        for k, (prev_k, z) in enumerate(steps):
            d_pred = d_f[:, k:k + 1]
            g["W2"] += z.T @ d_pred
            g["b2"] += d_pred.sum(axis=0)
            d_z = (d_pred @ p["W2"].T) * (1.0 - z ** 2)
            g["W1"] += X.T @ d_z
            g["u"] += (prev_k * d_z).sum(axis=0)
            g["b1"] += d_z.sum(axis=0)
        self.grads = g

        for k in p:
            p[k] -= self.lr * g[k]
        return float(loss)
