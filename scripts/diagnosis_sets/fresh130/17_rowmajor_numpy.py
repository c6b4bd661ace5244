"""rprop_numpy.py written another way: the weights kept (out, in) as torch keeps them,
the parameters as attributes, and iRprop- written with boolean masks and in-place ops.

    W1 (16, 6), b1 (16,), W2 (3, 16), b2 (3,);   state: self.prev, self.step_size
"""

import math

import numpy as np


class RpropMLP:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.01, etas=(0.5, 1.2),
                 step_sizes=(1e-6, 50.0), seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((hidden, n_in)) / math.sqrt(n_in)
        self.b1 = np.zeros(hidden)
        self.W2 = rng.standard_normal((n_out, hidden)) / math.sqrt(hidden)
        self.b2 = np.zeros(n_out)
        self.names = ("W1", "b1", "W2", "b2")
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.eta_minus, self.eta_plus = etas
        self.step_min, self.step_max = step_sizes
        self.prev = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.step_size = {k: np.full_like(getattr(self, k), lr) for k in self.names}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1.T + self.b1)
        return self.h @ self.W2.T + self.b2

    def loss(self, X, y):
        logits = self.forward(X)
        logits = logits - logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        N = len(y)
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()
        onehot = np.zeros_like(logits)
        onehot[np.arange(N), y] = 1
        d = (np.exp(logp) - onehot) / N                 # (N, 3)
        self.grads["W2"] = d.T @ self.h                 # (3, 16)
        self.grads["b2"] = d.sum(axis=0)
        dz = (d @ self.W2) * (1 - self.h * self.h)      # (N, 16)
        self.grads["W1"] = dz.T @ X                     # (16, 6)
        self.grads["b1"] = dz.sum(axis=0)

        for k in self.names:
            p, g = getattr(self, k), self.grads[k].copy()
            step, prev = self.step_size[k], self.prev[k]
            same = g * prev > 0
            flip = g * prev < 0
            step[same] *= self.eta_plus
            step[flip] *= self.eta_minus
            np.clip(step, self.step_min, self.step_max, out=step)
            g[flip] = 0
            p -= np.sign(g) * step
            prev[...] = g
        return float(loss)
