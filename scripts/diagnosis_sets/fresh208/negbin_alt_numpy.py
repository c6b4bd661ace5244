"""Negative-binomial MLP written another way: attributes, the output weight kept in torch's
(out, in) layout, the NB2 likelihood in the alpha * mu form, its gradient taken in alpha
directly, softplus' recovered from alpha (sigmoid(z) = 1 - exp(-softplus(z))), RMSprop in place.

    W1 (4, 16), b1 (16,), Wout (2, 16), bout (2,)
"""

import numpy as np
from scipy.special import gammaln, psi


class NegBinAlt:
    def __init__(self, lr=0.01, rho=0.9, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((4, 16)) * np.sqrt(2.0 / 4)
        self.b1 = np.full(16, 0.1)
        self.Wout = (rng.standard_normal((16, 2)) * 0.1).T.copy()
        self.bout = np.array([0.5, -0.5])
        self.lr, self.rho, self.eps = lr, rho, eps
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "Wout", "bout")}

    def _heads(self, X):
        pre = X @ self.W1 + self.b1
        h = pre * (pre > 0)
        out = h @ self.Wout.T + self.bout
        log_mu = out[:, 0]
        alpha = np.logaddexp(0.0, out[:, 1])
        return pre, h, log_mu, alpha

    @staticmethod
    def _loglik(y, log_mu, alpha):
        r = 1.0 / alpha
        am = alpha * np.exp(log_mu)
        return (gammaln(y + r) - gammaln(r) - gammaln(y + 1)
                + y * (np.log(alpha) + log_mu) - (r + y) * np.log1p(am))

    def loss(self, X, y):
        _, _, log_mu, alpha = self._heads(X)
        return -self._loglik(y, log_mu, alpha).mean()

    def train_step(self, X, y):
        n = len(y)
        pre, h, log_mu, alpha = self._heads(X)
        loss = -self._loglik(y, log_mu, alpha).mean()
        mu = np.exp(log_mu)
        r = 1.0 / alpha
        am = alpha * mu
        d_log_mu = (mu - y) / (1.0 + am)
        d_alpha = (psi(y + r) - psi(r) - np.log1p(am)) / alpha ** 2 + (mu - y) / (alpha * (1.0 + am))
        d_z = d_alpha * -np.expm1(-alpha)
        d_out = np.empty((n, 2), dtype=h.dtype)
        d_out[:, 0] = d_log_mu / n
        d_out[:, 1] = d_z / n
        grads = {"Wout": d_out.T @ h, "bout": d_out.sum(axis=0)}
        d_pre = (d_out @ self.Wout) * (pre > 0)
        grads["W1"] = X.T @ d_pre
        grads["b1"] = d_pre.sum(axis=0)
        for k, g in grads.items():
            s = self.sq[k]
            s *= self.rho
            s += (1.0 - self.rho) * g ** 2
            p = getattr(self, k)
            p -= self.lr * g / (np.sqrt(s) + self.eps)
        return float(loss)
