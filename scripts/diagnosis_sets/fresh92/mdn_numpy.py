"""A mixture density network for a 2-D target in NumPy, backward written by hand.

A tanh hidden layer feeds one linear output layer whose columns are, in this order, the K mixture
logits, the K x D component means and the K x D log-standard-deviations (diagonal Gaussians); the
log-standard-deviations are clipped to [LOGSIG_MIN, LOGSIG_MAX]. The loss is the mean negative
log-likelihood over the rows, log p(y) = logsumexp_k(log pi_k + sum_d log N(y_d; mu_kd, sigma_kd)),
with a stable log-sum-exp (max subtracted). The backward goes through the responsibilities
gamma = exp(log pi + log N - log p(y)). AdamW as torch writes it: decoupled weight decay
p -= lr * WD * p first, then the bias-corrected Adam step (eps outside the square root).

    X: float (n, 3), y: float (n, 2)
"""

import math

import numpy as np

D_IN, HIDDEN, K, D = 3, 16, 3, 2
LR, WD = 0.01, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
LOGSIG_MIN, LOGSIG_MAX = -4.0, 2.0
LOG_2PI = math.log(2.0 * math.pi)


def logsumexp(a, axis):
    mx = a.max(axis=axis, keepdims=True)
    return (mx + np.log(np.sum(np.exp(a - mx), axis=axis, keepdims=True))).squeeze(axis)


class MDN:
    def __init__(self, seed=92):
        rng = np.random.default_rng(seed)
        n_out = K + 2 * K * D
        self.params = {
            "W1": rng.normal(0.0, 0.6, (D_IN, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 0.3, (HIDDEN, n_out)),
            "b2": np.zeros(n_out),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        logits = out[:, :K]
        mu = out[:, K:K + K * D].reshape(n, K, D)
        ls_raw = out[:, K + K * D:].reshape(n, K, D)
        ls = np.clip(ls_raw, LOGSIG_MIN, LOGSIG_MAX)
        self.cache = (X, h, ls_raw)
        return logits, mu, ls

    def loss(self, X, y):
        logits, mu, ls = self.forward(X)
        log_pi = logits - logsumexp(logits, axis=1)[:, None]
        z = (y[:, None, :] - mu) / np.exp(ls)
        log_comp = np.sum(-0.5 * z ** 2 - ls - 0.5 * LOG_2PI, axis=2)
        log_joint = log_pi + log_comp
        ll = logsumexp(log_joint, axis=1)
        return -np.mean(ll)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        logits, mu, ls = self.forward(X)
        _, h, ls_raw = self.cache
        log_pi = logits - logsumexp(logits, axis=1)[:, None]
        sigma = np.exp(ls)
        z = (y[:, None, :] - mu) / sigma
        log_comp = np.sum(-0.5 * z ** 2 - ls - 0.5 * LOG_2PI, axis=2)
        log_joint = log_pi + log_comp
        ll = logsumexp(log_joint, axis=1)
        loss = -np.mean(ll)

        gamma = np.exp(log_joint - ll[:, None])
        pi = np.exp(log_pi)
        dlogits = (pi - gamma) / n
        dmu = -gamma[:, :, None] * z / sigma / n
        dls = gamma[:, :, None] * (1.0 - z ** 2) / n
        dls = dls * ((ls_raw >= LOGSIG_MIN) & (ls_raw <= LOGSIG_MAX))
        dout = np.concatenate([dlogits, dmu.reshape(n, K * D), dls.reshape(n, K * D)], axis=1)

        g = {}
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            p[k] -= LR * WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
