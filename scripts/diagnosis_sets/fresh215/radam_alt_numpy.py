"""RAdam classifier of radam_numpy.py written another way (correct): the layers walked in a loop
over (name, activation) pairs, the pre-activations kept in a list, the moments updated in place,
and the rectified step written as one step size lr * r_t * sqrt(1 - beta2^t) / (1 - beta1^t)
applied to m / (sqrt(v) + eps) (the un-adapted step as lr / (1 - beta1^t) applied to m).
"""

import math

import numpy as np


class RAdamLoop:
    layers = ("fc1", "fc2", "head")

    def __init__(self, sizes=(8, 16, 16, 3), lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {}
        for name, fan_in, fan_out in zip(self.layers, sizes[:-1], sizes[1:]):
            bound = 1.0 / math.sqrt(fan_in)
            self.params[name + ".weight"] = rng.uniform(-bound, bound, (fan_out, fan_in)) * 1.5
            self.params[name + ".bias"] = rng.uniform(-bound, bound, fan_out)
        self.grads = {}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def _forward(self, X):
        acts, pres = [X], []
        a = X
        for i, name in enumerate(self.layers):
            z = a @ self.params[name + ".weight"].T + self.params[name + ".bias"]
            pres.append(z)
            a = z if i == len(self.layers) - 1 else np.where(z > 0, z, 0.0)
            acts.append(a)
        return acts, pres

    @staticmethod
    def _nll(logits, y):
        mx = logits.max(axis=1, keepdims=True)
        lse = mx[:, 0] + np.log(np.exp(logits - mx).sum(axis=1))
        return np.mean(lse - logits[np.arange(len(y)), y])

    def loss(self, X, y):
        return self._nll(self._forward(X)[0][-1], y)

    def train_step(self, X, y):
        acts, pres = self._forward(X)
        logits = acts[-1]
        loss = self._nll(logits, y)
        n = len(y)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        d = e / e.sum(axis=1, keepdims=True)
        d[np.arange(n), y] -= 1.0
        d /= n
        for i in reversed(range(len(self.layers))):
            name = self.layers[i]
            if i < len(self.layers) - 1:
                d = d * (pres[i] > 0)
            self.grads[name + ".weight"] = d.T @ acts[i]
            self.grads[name + ".bias"] = d.sum(axis=0)
            d = d @ self.params[name + ".weight"]

        self.t += 1
        t, b1, b2 = self.t, self.beta1, self.beta2
        rho_inf = 2.0 / (1.0 - b2) - 1.0
        rho_t = rho_inf - 2.0 * t * b2 ** t / (1.0 - b2 ** t)
        if rho_t > 5.0:
            r = math.sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                          / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
            step_size = self.lr * r * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        else:
            step_size = None
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] *= b1
            self.m[k] += (1.0 - b1) * g
            self.v[k] *= b2
            self.v[k] += (1.0 - b2) * g * g
            if step_size is None:
                p -= self.lr / (1.0 - b1 ** t) * self.m[k]
            else:
                p -= step_size * self.m[k] / (np.sqrt(self.v[k]) + self.eps)
        return float(loss)
