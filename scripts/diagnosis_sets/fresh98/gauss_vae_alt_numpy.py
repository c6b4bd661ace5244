"""The tabular Gaussian VAE in NumPy, written another way.

Same model as gauss_vae_numpy.py (tanh encoder with mu and logvar heads, z = mu + sigma * eps
with eps the last three columns of X, tanh/linear decoder, squared error summed over the
features and averaged over the rows plus beta_t * KL to N(0, I), beta_t = BETA * min(1, t /
WARMUP), Adam), but: every weight is kept (out, in), as torch keeps it, and applied as x @ W.T;
the layers are a dict of dicts; the KL is written with sigma, 0.5 * sum(mu^2 + sigma^2 -
2 log sigma - 1), and differentiated through sigma = sqrt(exp(logvar)); tanh' is 1 / cosh^2 of
the pre-activation; a cache holds the forward; and Adam folds its bias corrections into the step
size and eps (lr_t = LR * sqrt(1 - BETA2^t) / (1 - BETA1^t), eps_t = EPS * sqrt(1 - BETA2^t)),
which is the same update as torch.optim.Adam.

    X: float (n, 15) the 12 features then 3 noise columns, y: float (n, 12) the target
"""

import math

import numpy as np

N_FEAT, N_HID, N_LAT = 12, 16, 3
LR, BETA, WARMUP = 0.01, 1.0, 10
B1, B2, EPS = 0.9, 0.999, 1e-8

LAYERS = (("enc", N_FEAT, N_HID), ("mu", N_HID, N_LAT), ("lv", N_HID, N_LAT),
          ("dec1", N_LAT, N_HID), ("dec2", N_HID, N_FEAT))


class TabVAEAlt:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.layers = {}
        for name, n_in, n_out in LAYERS:
            self.layers[name] = {"w": rng.uniform(-1.0, 1.0, (n_out, n_in)) / np.sqrt(n_in),
                                 "b": np.zeros(n_out)}
        self.moments = {name: {k: [np.zeros_like(a), np.zeros_like(a)] for k, a in layer.items()}
                        for name, layer in self.layers.items()}
        self.n_updates = 0
        self.cache = {}

    def _lin(self, name, a):
        layer = self.layers[name]
        return a @ layer["w"].T + layer["b"]

    def _forward(self, X):
        x, eps = X[:, :N_FEAT], X[:, N_FEAT:]
        pre_h = self._lin("enc", x)
        h = np.tanh(pre_h)
        mu, logvar = self._lin("mu", h), self._lin("lv", h)
        sigma = np.sqrt(np.exp(logvar))
        z = mu + sigma * eps
        pre_g = self._lin("dec1", z)
        g = np.tanh(pre_g)
        out = self._lin("dec2", g)
        self.cache = dict(x=x, eps=eps, pre_h=pre_h, h=h, mu=mu, logvar=logvar, sigma=sigma, z=z,
                          pre_g=pre_g, g=g, out=out)
        return out

    def _elbo_terms(self, y):
        c = self.cache
        rows = y.shape[0]
        sse = np.sum(np.square(c["out"] - y)) / rows
        kl = 0.5 * np.sum(c["mu"] ** 2 + c["sigma"] ** 2 - 2.0 * np.log(c["sigma"]) - 1.0) / rows
        return sse, kl

    def _beta(self, t):
        return BETA * (t / WARMUP if t < WARMUP else 1.0)

    def loss(self, X, y):
        self._forward(X)
        sse, kl = self._elbo_terms(y)
        return float(sse + self._beta(self.n_updates + 1) * kl)

    def backward(self, y, beta):
        c, L = self.cache, self.layers
        rows = y.shape[0]
        grads = {}
        d_out = (c["out"] - y) * (2.0 / rows)
        grads["dec2"] = {"w": d_out.T @ c["g"], "b": d_out.sum(0)}
        d_pre_g = (d_out @ L["dec2"]["w"]) / np.cosh(c["pre_g"]) ** 2
        grads["dec1"] = {"w": d_pre_g.T @ c["z"], "b": d_pre_g.sum(0)}
        d_z = d_pre_g @ L["dec1"]["w"]
        d_mu = d_z + beta * c["mu"] / rows
        d_sigma = d_z * c["eps"] + beta * (c["sigma"] - 1.0 / c["sigma"]) / rows
        d_logvar = d_sigma * 0.5 * c["sigma"]          # d sigma / d logvar = sigma / 2
        grads["mu"] = {"w": d_mu.T @ c["h"], "b": d_mu.sum(0)}
        grads["lv"] = {"w": d_logvar.T @ c["h"], "b": d_logvar.sum(0)}
        d_pre_h = (d_mu @ L["mu"]["w"] + d_logvar @ L["lv"]["w"]) / np.cosh(c["pre_h"]) ** 2
        grads["enc"] = {"w": d_pre_h.T @ c["x"], "b": d_pre_h.sum(0)}
        return grads

    def adam(self, grads):
        self.n_updates += 1
        t = self.n_updates
        lr_t = LR * math.sqrt(1.0 - B2 ** t) / (1.0 - B1 ** t)
        eps_t = EPS * math.sqrt(1.0 - B2 ** t)
        for name, layer in self.layers.items():
            for k in layer:
                m, v = self.moments[name][k]
                m *= B1
                m += (1.0 - B1) * grads[name][k]
                v *= B2
                v += (1.0 - B2) * grads[name][k] ** 2
                layer[k] -= lr_t * m / (np.sqrt(v) + eps_t)

    def fit_batch(self, X, y):
        beta = self._beta(self.n_updates + 1)
        self._forward(X)
        sse, kl = self._elbo_terms(y)
        grads = self.backward(y, beta)
        self.adam(grads)
        return float(sse + beta * kl)
