"""The Bernoulli VAE of vae_numpy.py written another way (a correct variant).

Weights kept (out, in) like nn.Linear, products by einsum, the BCE from the logits in the
stable form max(l, 0) - l x + log1p(exp(-|l|)), the KL as 0.5 sum(mu^2 + sigma^2 - log sigma^2 - 1),
and Adam with the bias corrections folded into the step size,
    lr_t = lr sqrt(1 - b2^t) / (1 - b1^t),  p -= lr_t m / (sqrt(v) + eps sqrt(1 - b2^t)),
with m and v updated in place.
"""

import math

import numpy as np


class VAEAlt:
    layers = (("enc", 12, 16), ("mu", 16, 3), ("lv", 16, 3), ("d1", 3, 16), ("d2", 16, 12))

    def __init__(self, beta=0.8, lr=5e-3, betas=(0.9, 0.999), eps=1e-8, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {}
        for name, fan_in, fan_out in self.layers:
            bound = 1.0 / math.sqrt(fan_in)
            self.params[name + "_w"] = rng.uniform(-bound, bound, (fan_out, fan_in))
            self.params[name + "_b"] = rng.uniform(-bound, bound, fan_out)
        self.beta, self.lr, (self.b1, self.b2), self.eps = beta, lr, betas, eps
        self.state = {k: (np.zeros_like(p), np.zeros_like(p)) for k, p in self.params.items()}
        self.step_count = 0
        self.grads = {}

    def _lin(self, x, name):
        return np.einsum("ni,oi->no", x, self.params[name + "_w"]) + self.params[name + "_b"]

    def _run(self, X, eps):
        h = np.tanh(self._lin(X, "enc"))
        mu, lv = self._lin(h, "mu"), self._lin(h, "lv")
        sigma = np.exp(0.5 * lv)
        z = mu + sigma * eps
        g = np.tanh(self._lin(z, "d1"))
        logits = self._lin(g, "d2")
        return h, mu, lv, sigma, z, g, logits

    def _loss(self, X, mu, lv, sigma, logits):
        bce = np.maximum(logits, 0) - logits * X + np.log1p(np.exp(-np.abs(logits)))
        kl = 0.5 * (mu * mu + sigma * sigma - lv - 1).sum(axis=1)
        return (bce.sum(axis=1) + self.beta * kl).mean()

    def loss(self, X, y):
        _, mu, lv, sigma, _, _, logits = self._run(X, y)
        return self._loss(X, mu, lv, sigma, logits)

    def _linear_grads(self, name, x, dout):
        self.grads[name + "_w"] = np.einsum("no,ni->oi", dout, x)
        self.grads[name + "_b"] = dout.sum(axis=0)
        return np.einsum("no,oi->ni", dout, self.params[name + "_w"])

    def train_step(self, X, y):
        n = len(X)
        h, mu, lv, sigma, z, g, logits = self._run(X, y)
        loss = self._loss(X, mu, lv, sigma, logits)
        xhat = 0.5 * (1 + np.tanh(0.5 * logits))        # sigmoid
        dg = self._linear_grads("d2", g, (xhat - X) / n)
        dz = self._linear_grads("d1", z, dg * (1 - g * g))
        dmu = dz + (self.beta / n) * mu
        dsigma = dz * y + (self.beta / n) * sigma        # d/dsigma of 0.5 sigma^2 is sigma
        dlv = dsigma * 0.5 * sigma - (0.5 * self.beta / n)
        dh = self._linear_grads("mu", h, dmu) + self._linear_grads("lv", h, dlv)
        self._linear_grads("enc", X, dh * (1 - h * h))

        self.step_count += 1
        t = self.step_count
        c2 = math.sqrt(1 - self.b2 ** t)
        lr_t = self.lr * c2 / (1 - self.b1 ** t)
        for k, p in self.params.items():
            m, v = self.state[k]
            gk = self.grads[k]
            m *= self.b1
            m += (1 - self.b1) * gk
            v *= self.b2
            v += (1 - self.b2) * gk * gk
            p -= lr_t * m / (np.sqrt(v) + self.eps * c2)
        return float(loss)
