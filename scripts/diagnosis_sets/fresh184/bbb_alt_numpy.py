"""Bayes-by-backprop classifier in NumPy, a second hand: the same model as bbb_numpy.py.

The layers are a list of dicts (W_mu, W_rho, b_mu, b_rho, weights (in, out)); the matrix products
are einsums; sigma = logaddexp(0, rho) and its derivative is written from sigma itself,
d softplus(rho) / d rho = sigmoid(rho) = 1 - exp(-sigma); the KL's sigma derivative is
(sigma^2 - prior^2) / (sigma prior^2); Adam updates the moments and the parameters in place.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class BayesMLP:
    def __init__(self, sizes=(6, 16, 3), prior_sigma=1.0, num_batches=10, rho_init=-4.0,
                 lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=3):
        rng = np.random.default_rng(seed)
        self.layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / math.sqrt(a)
            self.layers.append({
                "W_mu": rng.uniform(-bound, bound, (a, b)),
                "W_rho": rho_init + 0.1 * rng.standard_normal((a, b)),
                "b_mu": np.zeros(b),
                "b_rho": np.full(b, rho_init),
            })
        noise = np.load(os.path.join(HERE, "eps_cls.npz"))
        self.noise = [{"W": noise["W1"], "b": noise["b1"]}, {"W": noise["W2"], "b": noise["b2"]}]
        self.prior_var = prior_sigma ** 2
        self.log_prior_sigma = math.log(prior_sigma)
        self.kl_scale = 1.0 / num_batches
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.steps = 0
        self.moments = [{k: (np.zeros_like(v), np.zeros_like(v)) for k, v in layer.items()}
                        for layer in self.layers]

    def _weights(self):
        i = self.steps % self.noise[0]["W"].shape[0]
        out = []
        for layer, nz in zip(self.layers, self.noise):
            sW = np.logaddexp(0, layer["W_rho"])
            sb = np.logaddexp(0, layer["b_rho"])
            out.append((layer["W_mu"] + sW * nz["W"][i], layer["b_mu"] + sb * nz["b"][i],
                        sW, sb, nz["W"][i], nz["b"][i]))
        return out

    def _kl_terms(self, mu, sigma):
        return self.log_prior_sigma - np.log(sigma) + 0.5 * (sigma * sigma + mu * mu) / self.prior_var - 0.5

    def _run(self, X, y):
        ws = self._weights()
        acts = [X]
        for j, (W, b, *_) in enumerate(ws):
            z = np.einsum("ni,io->no", acts[-1], W) + b
            acts.append(np.tanh(z) if j < len(ws) - 1 else z)
        logits = acts[-1]
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        nll = np.sum(lse - logits[np.arange(len(y)), y])
        kl = 0.0
        for layer, (_, _, sW, sb, _, _) in zip(self.layers, ws):
            kl += self._kl_terms(layer["W_mu"], sW).sum() + self._kl_terms(layer["b_mu"], sb).sum()
        return nll + self.kl_scale * kl, ws, acts, lse

    def loss(self, X, y):
        return self._run(X, y)[0]

    def train_step(self, X, y):
        loss, ws, acts, lse = self._run(X, y)
        delta = np.exp(acts[-1] - lse[:, None])
        delta[np.arange(len(y)), y] -= 1.0
        grads = [None] * len(self.layers)
        for j in reversed(range(len(self.layers))):
            W, b, sW, sb, eW, eb = ws[j]
            gW = np.einsum("ni,no->io", acts[j], delta)
            gb = delta.sum(axis=0)
            if j > 0:
                delta = np.einsum("no,io->ni", delta, W) * (1.0 - acts[j] ** 2)
            layer = self.layers[j]
            g = {}
            for name, gw, s, e in (("W", gW, sW, eW), ("b", gb, sb, eb)):
                mu = layer[name + "_mu"]
                g[name + "_mu"] = gw + self.kl_scale * mu / self.prior_var
                dkl_dsigma = (s * s - self.prior_var) / (s * self.prior_var)
                g[name + "_rho"] = (gw * e + self.kl_scale * dkl_dsigma) * (1.0 - np.exp(-s))
            grads[j] = g

        self.steps += 1
        c1 = 1.0 - self.beta1 ** self.steps
        c2 = 1.0 - self.beta2 ** self.steps
        for layer, g, mom in zip(self.layers, grads, self.moments):
            for k, p in layer.items():
                m, v = mom[k]
                m *= self.beta1
                m += (1.0 - self.beta1) * g[k]
                v *= self.beta2
                v += (1.0 - self.beta2) * g[k] ** 2
                p -= (self.lr / c1) * m / (np.sqrt(v) / math.sqrt(c2) + self.eps)
        return float(loss)
