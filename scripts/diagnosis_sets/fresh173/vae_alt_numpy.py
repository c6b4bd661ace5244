"""Correct variant of vae_numpy.py: the same Bernoulli VAE written another way.

Layers kept in a dict of dicts (self.layers['enc']['W'], W kept (in, out)); products written
with np.einsum; the softplus of the BCE as np.logaddexp(0, logits); the sigmoid as
1 / (1 + exp(-a)); the KL gradient through d/dlogvar of 0.5 * (exp(logvar) - logvar); Adam
updated in place with the bias corrections folded into the step size and eps scaled to match
(lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t), eps_t = eps * sqrt(1 - b2^t)), which is
torch.optim.Adam's update exactly.
"""

import math

import numpy as np

ORDER = ("enc", "mu", "logvar", "dec", "out")


class BernoulliVAEAlt:
    def __init__(self, seed=0, lr=5e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(seed)
        shapes = {"enc": (12, 16), "mu": (16, 3), "logvar": (16, 3), "dec": (3, 16), "out": (16, 12)}
        self.layers = {}
        for name in ORDER:
            fan_in, fan_out = shapes[name]
            bound = 1.0 / math.sqrt(fan_in)
            self.layers[name] = {"W": rng.uniform(-bound, bound, (fan_in, fan_out)),
                                 "b": rng.uniform(-bound, bound, fan_out)}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = {(n, k): np.zeros_like(a) for n, l in self.layers.items() for k, a in l.items()}
        self.v = {(n, k): np.zeros_like(a) for n, l in self.layers.items() for k, a in l.items()}
        self.steps_done = 0

    def _dense(self, name, x):
        layer = self.layers[name]
        return np.einsum("ni,io->no", x, layer["W"]) + layer["b"]

    def _run(self, X, eps):
        dt = self.layers["enc"]["W"].dtype
        X, eps = X.astype(dt, copy=False), eps.astype(dt, copy=False)
        h = np.tanh(self._dense("enc", X))
        mu, logvar = self._dense("mu", h), self._dense("logvar", h)
        std = np.sqrt(np.exp(logvar))
        z = mu + eps * std
        g = np.tanh(self._dense("dec", z))
        a = self._dense("out", g)
        n = X.shape[0]
        bce = np.sum(np.logaddexp(0, a) - X * a) / n
        kl = 0.5 * np.sum(np.exp(logvar) - logvar - 1 + mu * mu) / n
        return bce + kl, (X, eps, h, mu, logvar, std, z, g, a)

    def loss(self, X, y):
        return self._run(X, y)[0]

    def train_step(self, X, y):
        loss, (X, eps, h, mu, logvar, std, z, g, a) = self._run(X, y)
        n = X.shape[0]
        L = self.layers
        grads = {}
        da = (1.0 / (1.0 + np.exp(-a)) - X) / n
        grads["out"] = (np.einsum("nh,no->ho", g, da), da.sum(axis=0))
        dg = np.einsum("no,ho->nh", da, L["out"]["W"])
        dpre = dg * (1 - g) * (1 + g)
        grads["dec"] = (np.einsum("nk,nh->kh", z, dpre), dpre.sum(axis=0))
        dz = np.einsum("nh,kh->nk", dpre, L["dec"]["W"])
        dmu = dz + mu / n
        dlv = 0.5 * dz * eps * std + 0.5 * (np.exp(logvar) - 1) / n
        grads["mu"] = (np.einsum("nh,nk->hk", h, dmu), dmu.sum(axis=0))
        grads["logvar"] = (np.einsum("nh,nk->hk", h, dlv), dlv.sum(axis=0))
        dh = np.einsum("nk,hk->nh", dmu, L["mu"]["W"]) + np.einsum("nk,hk->nh", dlv, L["logvar"]["W"])
        dh *= 1 - h ** 2
        grads["enc"] = (np.einsum("ni,nh->ih", X, dh), dh.sum(axis=0))

        self.steps_done += 1
        t = self.steps_done
        root_bc2 = math.sqrt(1 - self.beta2 ** t)
        step_size = self.lr * root_bc2 / (1 - self.beta1 ** t)
        eps_t = self.eps * root_bc2
        for name in ORDER:
            for key, grad in zip(("W", "b"), grads[name]):
                m, v, p = self.m[name, key], self.v[name, key], L[name][key]
                m *= self.beta1
                m += (1 - self.beta1) * grad
                v *= self.beta2
                v += (1 - self.beta2) * grad * grad
                p -= step_size * m / (np.sqrt(v) + eps_t)
        return float(loss)
