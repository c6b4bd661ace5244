"""A wide-and-deep click model with one shared embedding table, from scratch in NumPy.

X holds four integer-coded categorical columns (stored as floats) and three standardised numeric
columns. The four columns share one embedding table E of 4 + 6 + 3 + 5 = 18 rows, column j
reading the rows OFFSETS[j] + code; the wide part is a linear model on the one-hot codes, one
weight per row of the same index space (w_wide, 18 x 1), i.e. a sum of four looked-up weights.

    idx  = codes + OFFSETS                                     (N, 4)
    h0   = [E[idx[:, 0]], ..., E[idx[:, 3]], x_num]            (N, 19)
    a    = gelu_tanh(bn(h0 @ W1 + b1))                         (N, 12)
    logit = sum_j w_wide[idx[:, j]] + a @ W2 + b2              (N, 1)
    loss = mean binary cross-entropy with logits

Batch norm in training mode (batch mean, biased variance, eps 1e-5, gamma/beta, running
statistics with momentum 0.1), GELU in its tanh form. SGD with momentum 0.9 as torch.optim.SGD
writes it (buf = 0.9 buf + g; p -= lr buf), weight decay WD folded into the gradient of the
dense weights W1, W2 only, the embedding table and the wide weights at LR_EMB, the rest at LR,
and a step schedule: every rate halves after each STEP_SIZE updates (torch's StepLR).

    X: float (N, 7), y: float (N, 1) in {0, 1}
"""

import math

import numpy as np

CARDS = (4, 6, 3, 5)
OFFSETS = (0, 4, 10, 13)
N_ROWS, D = 18, 4
N_CAT, N_NUM = 4, 3
H = 12
EPS, BN_MOM = 1e-5, 0.1
LR, LR_EMB, MOMENTUM, WD = 0.1, 0.3, 0.9, 5e-3
STEP_SIZE, GAMMA = 8, 0.5
GELU_C = math.sqrt(2.0 / math.pi)
EMB_KEYS = ("E", "w_wide")
DENSE = ("W1", "W2")


class WideDeepCTR:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        d_in = N_CAT * D + N_NUM
        self.params = {
            "E": rng.normal(0.0, 0.5, (N_ROWS, D)),
            "w_wide": rng.normal(0.0, 0.1, (N_ROWS, 1)),
            "W1": rng.normal(0.0, math.sqrt(2.0 / d_in), (d_in, H)),
            "b1": np.zeros(H),
            "gamma": 1.0 + 0.1 * rng.standard_normal(H),
            "beta": 0.1 * rng.standard_normal(H),
            "W2": rng.normal(0.0, math.sqrt(1.0 / H), (H, 1)),
            "b2": np.zeros(1),
        }
        self.offsets = np.array(OFFSETS)
        self.running_mean = np.zeros(H)
        self.running_var = np.ones(H)
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        p = self.params
        idx = X[:, :N_CAT].astype(np.int64) + self.offsets
        n = X.shape[0]
        h0 = np.concatenate([p["E"][idx].reshape(n, N_CAT * D), X[:, N_CAT:]], axis=1)
        z = h0 @ p["W1"] + p["b1"]
        mean = z.mean(axis=0)
        var = z.var(axis=0, ddof=1)  # fix: var = z.var(axis=0)
        self.running_mean = (1 - BN_MOM) * self.running_mean + BN_MOM * mean
        self.running_var = (1 - BN_MOM) * self.running_var + BN_MOM * var * n / (n - 1)
        inv_std = 1.0 / np.sqrt(var + EPS)
        xhat = (z - mean) * inv_std
        zn = p["gamma"] * xhat + p["beta"]
        th = np.tanh(GELU_C * (zn + 0.044715 * zn ** 3))
        a = 0.5 * zn * (1.0 + th)
        wide = p["w_wide"][idx].sum(axis=1)
        logit = wide + a @ p["W2"] + p["b2"]
        self.cache = (idx, h0, xhat, inv_std, zn, th, a)
        return logit

    @staticmethod
    def _bce_logits(z, y):
        return np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce_logits(self.forward(X), y)

    def backward(self, X, y):
        p = self.params
        logit = self.forward(X)
        loss = self._bce_logits(logit, y)
        idx, h0, xhat, inv_std, zn, th, a = self.cache
        n = X.shape[0]
        g = {}
        dlogit = (1.0 / (1.0 + np.exp(-logit)) - y) / y.size
        gw = np.zeros_like(p["w_wide"])
        np.add.at(gw, idx, np.broadcast_to(dlogit[:, None, :], (n, N_CAT, 1)))
        g["w_wide"] = gw
        g["W2"] = a.T @ dlogit
        g["b2"] = dlogit.sum(axis=0)
        da = dlogit @ p["W2"].T
        dgelu = 0.5 * (1.0 + th) + 0.5 * zn * (1.0 - th ** 2) * GELU_C * (1.0 + 3 * 0.044715 * zn ** 2)
        dzn = da * dgelu
        g["gamma"] = (dzn * xhat).sum(axis=0)
        g["beta"] = dzn.sum(axis=0)
        dxhat = dzn * p["gamma"]
        dz = (inv_std / n) * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
        g["W1"] = h0.T @ dz
        g["b1"] = dz.sum(axis=0)
        de = (dz @ p["W1"].T)[:, :N_CAT * D].reshape(n, N_CAT, D)
        gE = np.zeros_like(p["E"])
        np.add.at(gE, idx, de)
        g["E"] = gE
        self.grads = g
        return loss

    def update(self):
        scale = GAMMA ** (self.t // STEP_SIZE)
        self.t += 1
        for k, w in self.params.items():
            grad = self.grads[k]
            if k in DENSE:
                grad = grad + WD * w
            lr = (LR_EMB if k in EMB_KEYS else LR) * scale
            self.velocity[k] = MOMENTUM * self.velocity[k] + grad
            w -= lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
