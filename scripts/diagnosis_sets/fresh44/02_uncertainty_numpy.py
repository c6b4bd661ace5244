"""Two-task network in NumPy with learned uncertainty weights (Kendall, Gal and Cipolla): a tanh
trunk 4 -> 8, a regression head (1 output, MSE) and a classification head (3 classes, softmax
cross-entropy), the total exp(-s_r) MSE + s_r + exp(-s_c) CE + s_c with the log-variances s
learned beside the weights; SGD.

    X: (n, 4), y: (n, 5) = [regression target, one-hot class (3), mask (unused here)]
"""

import numpy as np

LR = 0.1


class UncertaintyTwoTask:
    def __init__(self, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (4, 8)), "b1": np.zeros(8),
            "Wr": rng.normal(0.0, 0.5, (8, 1)), "br": np.zeros(1),
            "Wc": rng.normal(0.0, 0.5, (8, 3)), "bc": np.zeros(3),
            "s": np.array([0.3, -0.2]),
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
        mse = np.mean((reg - t_reg) ** 2)
        ce = -np.sum(t_cls * np.log(prob)) / n
        s = p["s"]
        loss = np.exp(-s[0]) * mse + s[0] + np.exp(-s[1]) * ce + s[1]

        g = {}
        d_reg = np.exp(-s[0]) * 2.0 * (reg - t_reg) / n
        d_cls = np.exp(-s[1]) * (prob - t_cls) / n
        g["Wr"], g["br"] = h.T @ d_reg, d_reg.sum(axis=0)
        g["Wc"], g["bc"] = h.T @ d_cls, d_cls.sum(axis=0)
        d_h = (d_reg @ p["Wr"].T + d_cls @ p["Wc"].T) * (1.0 - h ** 2)
        g["W1"], g["b1"] = X.T @ d_h, d_h.sum(axis=0)
        g["s"] = -np.exp(-s) * np.array([mse, ce]) + 1.0
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
