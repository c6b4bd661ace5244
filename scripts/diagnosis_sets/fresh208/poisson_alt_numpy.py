"""Poisson regression MLP, written another way: a list of layer dicts with weights kept in the
(out, in) layout, einsum for the products, the expected count as exposure * exp(log rate),
and Adam updating its moments and the weights in place.

    X: (N, 6), exposure in the last column; y: (N,) counts.
    layers[0] = {"W": (24, 5), "b": (24,)}, layers[1] = {"W": (1, 24), "b": (1,)}
"""

import math

import numpy as np


class PoissonLayers:
    def __init__(self, sizes=(5, 24, 1), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        W1 = rng.standard_normal((sizes[0], sizes[1])) / math.sqrt(sizes[0])
        W2 = rng.standard_normal((sizes[1], sizes[2])) * 0.1
        self.layers = [{"W": np.ascontiguousarray(W1.T), "b": np.zeros(sizes[1])},
                       {"W": np.ascontiguousarray(W2.T), "b": np.zeros(sizes[2])}]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.moments = [{k: (np.zeros_like(a), np.zeros_like(a)) for k, a in layer.items()}
                        for layer in self.layers]
        self.step_count = 0

    def _forward(self, X):
        feats, exposure = X[:, :-1], X[:, -1]
        L0, L1 = self.layers
        h = np.tanh(np.einsum("ni,hi->nh", feats, L0["W"]) + L0["b"])
        log_rate = np.einsum("nh,oh->no", h, L1["W"])[:, 0] + L1["b"][0]
        mu = exposure * np.exp(log_rate)
        eta = log_rate + np.log(exposure)
        return feats, h, mu, eta

    def loss(self, X, y):
        _, _, mu, eta = self._forward(X)
        return (mu - y * eta).mean()

    def train_step(self, X, y):
        feats, h, mu, eta = self._forward(X)
        loss = (mu - y * eta).mean()
        g_eta = (mu - y) / len(y)
        L0, L1 = self.layers
        grads = [None, None]
        grads[1] = {"W": np.einsum("n,nh->h", g_eta, h)[None, :], "b": np.array([g_eta.sum()])}
        g_pre = np.outer(g_eta, L1["W"][0]) * (1.0 - h * h)
        grads[0] = {"W": np.einsum("nh,ni->hi", g_pre, feats), "b": g_pre.sum(axis=0)}

        self.step_count += 1
        t = self.step_count
        step_size = self.lr / (1 - self.beta1 ** t)
        root_bc2 = math.sqrt(1 - self.beta2 ** t)
        for layer, grad, mom in zip(self.layers, grads, self.moments):
            for k in layer:
                m, v = mom[k]
                g = grad[k]
                m *= self.beta1
                m += (1 - self.beta1) * g
                v *= self.beta2
                v += (1 - self.beta2) * np.square(g)
                layer[k] -= step_size * m / (np.sqrt(v) / root_bc2 + self.eps)
        return float(loss)
