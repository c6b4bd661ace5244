"""Bayes-by-backprop classifier, from scratch in NumPy.

Two Bayesian dense layers, 6 -> 16 (tanh) -> 3 logits. Every weight and bias has a mean mu and
a rho; sigma = softplus(rho) = log(1 + exp(rho)); the weights of a step are sampled by the
reparameterisation w = mu + sigma * eps, with eps read from eps_cls.npz at the step's index
(fixed noise, so the run is reproducible and comparable).

Loss of a minibatch (Blundell et al. 2015):
    softmax cross-entropy summed over the batch + KL(q || prior) / num_batches
with the closed-form KL of each Gaussian weight to the prior N(0, prior_sigma^2):
    log(prior_sigma / sigma) + (sigma^2 + mu^2) / (2 prior_sigma^2) - 1/2.

Parameters (self.params, weights laid out (in, out)): W1_mu, W1_rho, b1_mu, b1_rho, W2_mu,
W2_rho, b2_mu, b2_rho. Gradients in self.grads, written by hand. Adam (as torch.optim.Adam).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def softplus(x):
    return np.log1p(np.exp(x))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class BayesMLP:
    def __init__(self, n_in=6, n_hidden=16, n_out=3, prior_sigma=1.0, num_batches=10,
                 rho_init=-4.0, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.prior_sigma = prior_sigma
        self.num_batches = num_batches
        self.params = {}
        for name, (a, b) in {"1": (n_in, n_hidden), "2": (n_hidden, n_out)}.items():
            bound = 1.0 / math.sqrt(a)
            self.params["W" + name + "_mu"] = rng.uniform(-bound, bound, (a, b))
            self.params["W" + name + "_rho"] = rho_init + 0.1 * rng.standard_normal((a, b))
            self.params["b" + name + "_mu"] = np.zeros(b)
            self.params["b" + name + "_rho"] = np.full(b, rho_init)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

        noise = np.load(os.path.join(HERE, "eps_cls.npz"))
        self.noise = {k: noise[k] for k in ("W1", "b1", "W2", "b2")}
        self.t = 0                       # steps taken; picks the noise of the step

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.adam_eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}

    # ------------------------------------------------------------------ sampling
    def _sample(self):
        i = self.t % len(self.noise["W1"])
        p = self.params
        w = {}
        for k in ("W1", "b1", "W2", "b2"):
            sigma = softplus(p[k + "_rho"])
            w[k] = p[k + "_mu"] + sigma * self.noise[k][i]
        return w, i

    def kl(self):
        p = self.params
        sp = self.prior_sigma
        total = 0.0
        for k in ("W1", "b1", "W2", "b2"):
            mu, sigma = p[k + "_mu"], softplus(p[k + "_rho"])
            total = total + np.sum(np.log(sp / sigma) + (sigma ** 2 + mu ** 2) / (2 * sp ** 2) - 0.5)
        return total

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        w, i = self._sample()
        h = np.tanh(X @ w["W1"] + w["b1"])
        logits = h @ w["W2"] + w["b2"]
        return logits, h, w, i

    @staticmethod
    def _nll(logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].sum(), np.exp(logp)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        return self._nll(logits, y)[0] + self.kl() / self.num_batches

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits, h, w, i = self._forward(X)
        nll, probs = self._nll(logits, y)
        loss = nll + self.kl() / self.num_batches

        dlogits = probs.copy()
        dlogits[np.arange(len(y)), y] -= 1.0          # sum over the batch: no 1/N
        gw = {}
        gw["W2"] = h.T @ dlogits
        gw["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ w["W2"].T
        dz = dh * (1.0 - h ** 2)
        gw["W1"] = X.T @ dz
        gw["b1"] = dz.sum(axis=0)

        kw = 1.0 / self.num_batches
        sp2 = self.prior_sigma ** 2
        for k in ("W1", "b1", "W2", "b2"):
            mu, rho = p[k + "_mu"], p[k + "_rho"]
            sigma = softplus(rho)
            # w = mu + sigma * eps: dw/dmu = 1, dw/dsigma = eps, dsigma/drho = sigmoid(rho)
            self.grads[k + "_mu"] = gw[k] + kw * mu / sp2
            dsigma = gw[k] * self.noise[k][i] + kw * (-1.0 / sigma + sigma / sp2)
            self.grads[k + "_rho"] = dsigma * sigmoid(rho)
        return loss

    # ---------------------------------------------------------------- optimizer
    def adam(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta1 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.adam_eps
            self.params[k] = p - (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(HERE, "cls.npz"))
    net = BayesMLP()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
