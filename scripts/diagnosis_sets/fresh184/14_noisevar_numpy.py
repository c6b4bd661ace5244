"""Bayes-by-backprop regression network, from scratch in NumPy.

4 -> 24 (ReLU) -> 1, every weight Gaussian: mean mu, sigma = softplus(rho), sampled by the
reparameterisation w = mu + sigma * eps with eps from eps_reg.npz at the step's index.

Loss: Gaussian negative log-likelihood with fixed observation noise (noise_sigma), averaged over
the batch, plus beta_t * KL(q || N(0, prior_sigma^2)) / n_train, where the KL weight is annealed
linearly, beta_t = min(1, (t + 1) / anneal_steps) for the t-th step (t = 0, 1, ...).

Parameters are attributes, weights laid out (in, out): W1_mu, W1_rho, b1_mu, b1_rho, W2_mu,
W2_rho, b2_mu, b2_rho; gradients in self.grads keyed by those names. SGD with heavy-ball momentum
as torch.optim.SGD (v = momentum * v + g; p -= lr * v).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ("W1", "b1", "W2", "b2")


class BayesRegressor:
    def __init__(self, n_in=4, n_hidden=24, prior_sigma=0.5, noise_sigma=0.3, n_train=480,
                 anneal_steps=10, lr=0.005, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.W1_mu = rng.standard_normal((n_in, n_hidden)) * math.sqrt(2.0 / n_in)
        self.W1_rho = np.full((n_in, n_hidden), -3.5)
        self.b1_mu = np.full(n_hidden, 0.1)
        self.b1_rho = np.full(n_hidden, -3.5)
        self.W2_mu = rng.standard_normal((n_hidden, 1)) * math.sqrt(1.0 / n_hidden)
        self.W2_rho = np.full((n_hidden, 1), -3.5)
        self.b2_mu = np.zeros(1)
        self.b2_rho = np.full(1, -3.5)

        self.prior_sigma = prior_sigma
        self.noise_sigma = noise_sigma
        self.n_train = n_train
        self.anneal_steps = anneal_steps
        self.lr = lr
        self.momentum = momentum

        eps = np.load(os.path.join(HERE, "eps_reg.npz"))
        self.eps = {k: eps[k] for k in NAMES}
        self.t = 0
        self.grads = {}
        self.velocity = {}
        for k in NAMES:
            for part in ("_mu", "_rho"):
                self.velocity[k + part] = np.zeros_like(getattr(self, k + part))

    def kl_weight(self):
        return min(1.0, (self.t + 1) / self.anneal_steps) / self.n_train

    def sample(self):
        i = self.t % self.eps["W1"].shape[0]
        ws = {}
        for k in NAMES:
            sigma = np.log1p(np.exp(getattr(self, k + "_rho")))
            ws[k] = getattr(self, k + "_mu") + sigma * self.eps[k][i]
        return ws, i

    def kl(self):
        total = 0.0
        sp = self.prior_sigma
        for k in NAMES:
            mu = getattr(self, k + "_mu")
            sigma = np.log1p(np.exp(getattr(self, k + "_rho")))
            total += np.sum(np.log(sp / sigma) + (sigma ** 2 + mu ** 2) / (2 * sp ** 2) - 0.5)
        return total

    def forward(self, X, ws):
        z1 = X @ ws["W1"] + ws["b1"]
        a1 = np.maximum(z1, 0.0)
        pred = a1 @ ws["W2"] + ws["b2"]
        return z1, a1, pred

    def nll(self, pred, y):
        r = (y - pred) / self.noise_sigma
        return np.mean(0.5 * r ** 2) + math.log(self.noise_sigma) + 0.5 * math.log(2 * math.pi)

    def loss(self, X, y):
        ws, _ = self.sample()
        return self.nll(self.forward(X, ws)[2], y) + self.kl_weight() * self.kl()

    def train_step(self, X, y):
        N = X.shape[0]
        ws, i = self.sample()
        z1, a1, pred = self.forward(X, ws)
        beta = self.kl_weight()
        loss = self.nll(pred, y) + beta * self.kl()

        # backward through the likelihood
        dpred = (pred - y) / N
        g = {}
        g["W2"] = a1.T @ dpred
        g["b2"] = dpred.sum(axis=0)
        da1 = dpred @ ws["W2"].T
        dz1 = da1 * (z1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)

        # through the reparameterisation, plus the KL
        sp2 = self.prior_sigma ** 2
        for k in NAMES:
            mu = getattr(self, k + "_mu")
            rho = getattr(self, k + "_rho")
            sigma = np.log1p(np.exp(rho))
            dsig_drho = 1.0 / (1.0 + np.exp(-rho))
            self.grads[k + "_mu"] = g[k] + beta * mu / sp2
            self.grads[k + "_rho"] = (g[k] * self.eps[k][i] + beta * (sigma / sp2 - 1.0 / sigma)) * dsig_drho

        # SGD with momentum
        for name, grad in self.grads.items():
            self.velocity[name] = self.momentum * self.velocity[name] + grad
            setattr(self, name, getattr(self, name) - self.lr * self.velocity[name])
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(HERE, "reg.npz"))
    net = BayesRegressor()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
