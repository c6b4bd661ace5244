"""A neural additive model for binary classification, from scratch in NumPy.

One ReLU network per input feature, each kept as its own entries of a flat parameter dict
(keys 'f0.W1', 'f0.b1', ..., 'f2.b3', and the global 'bias'):

    x_j -> dense 1 -> 8, ReLU -> dense 8 -> 8, ReLU -> dense 8 -> 1: the feature's output f_j
    logit = sum_j keep_j * f_j + bias

Weights are kept (in, out): z = h @ W + b. keep is the feature-dropout mask of the step, fixed
and given as data: cls_masks.npz holds 25 masks (N, F); the t-th step (t = 0, 1, ...) uses
masks[t % 25].

Loss: binary cross-entropy on the logit (mean over rows) + output penalty lam * mean(f^2) over
rows and features (feature outputs before dropout) + L2 weight decay 0.5 * wd * sum(W^2) on the
weight matrices (not the biases). SGD lr 0.1 with momentum 0.9 (v = mu v + g; p -= lr v).
Gradients are accumulated into self.grads (zeroed at the start of each step).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class NAMClassifier:
    def __init__(self, n_features=3, hidden=(8, 8), lr=0.1, momentum=0.9, weight_decay=1e-3,
                 output_penalty=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.n_features = n_features
        sizes = (1, *hidden, 1)
        self.params = {}
        for j in range(n_features):
            for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
                self.params[f"f{j}.W{i}"] = rng.standard_normal((a, b)) * math.sqrt(2.0 / a)
                self.params[f"f{j}.b{i}"] = rng.normal(0.0, 0.1, size=b)
        self.params["bias"] = np.zeros(1)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.masks = np.load(os.path.join(HERE, "cls_masks.npz"))["masks"]
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.output_penalty = output_penalty
        self.t = 0

    def _keep(self):
        return self.masks[self.t % len(self.masks)]

    def _feature_net(self, j, xj):
        p = self.params
        z1 = xj @ p[f"f{j}.W1"] + p[f"f{j}.b1"]
        h1 = np.maximum(z1, 0.0)
        z2 = h1 @ p[f"f{j}.W2"] + p[f"f{j}.b2"]
        h2 = np.maximum(z2, 0.0)
        fj = h2 @ p[f"f{j}.W3"] + p[f"f{j}.b3"]
        return fj, (xj, z1, h1, z2, h2)

    def _forward(self, X):
        outs, caches = [], []
        for j in range(self.n_features):
            fj, cache = self._feature_net(j, X[:, j:j + 1])
            outs.append(fj)
            caches.append(cache)
        f = np.concatenate(outs, axis=1)                 # (N, F)
        keep = self._keep()
        logit = (f * keep).sum(axis=1) + self.params["bias"]
        return logit, f, keep, caches

    def _weights(self):
        return [k for k in self.params if ".W" in k]

    def _loss(self, logit, f, y):
        bce = np.mean(np.logaddexp(0.0, logit) - y * logit)
        l2 = sum(np.sum(self.params[k] ** 2) for k in self._weights())
        return bce + self.output_penalty * np.mean(f ** 2) + 0.5 * self.weight_decay * l2

    def loss(self, X, y):
        logit, f, _, _ = self._forward(X)
        return self._loss(logit, f, y)

    def zero_grad(self):
        for g in self.grads.values():
            g.fill(0.0)

    def backward(self, X, y):
        p, g = self.params, self.grads
        logit, f, keep, caches = self._forward(X)
        loss = self._loss(logit, f, y)
        N = X.shape[0]

        dlogit = (1.0 / (1.0 + np.exp(-logit)) - y) / N
        g["bias"] += dlogit.sum(keepdims=True)
        df = dlogit[:, None] * keep + self.output_penalty * 2.0 * f / f.size
        for j in range(self.n_features):
            xj, z1, h1, z2, h2 = caches[j]
            dfj = df[:, j:j + 1]                             # (N, 1)
            g[f"f{j}.W3"] += h2.T @ dfj
            g[f"f{j}.b3"] += dfj.sum(axis=0)
            dz2 = (dfj @ p[f"f{j}.W3"].T) * (z2 > 0)
            g[f"f{j}.W2"] += h1.T @ dz2
            g[f"f{j}.b2"] += dz2.sum(axis=0)
            dz1 = (dz2 @ p[f"f{j}.W2"].T) * (z1 > 0)
            g[f"f{j}.W1"] += xj.T @ dz1
            g[f"f{j}.b1"] += dz1.sum(axis=0)
        for k in self._weights():
            g[k] += self.weight_decay * p[k]
        return loss

    def step(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        self.zero_grad()
        loss = self.backward(X, y)
        self.step()
        self.t += 1
        return float(loss)
