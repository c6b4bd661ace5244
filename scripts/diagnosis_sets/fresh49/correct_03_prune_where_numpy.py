"""Pruned classifier in NumPy, boolean style: the same network as prune_numpy.py with the kept
entries as a boolean array, the effective weight np.where(keep, W2, 0), the raw weight's gradient
zeroed where pruned with np.putmask, the softmax by np.logaddexp.reduce, and the weights in one
dict updated in place; the mask comes from the same mask.npz.

    X: (n, 4), y: one-hot (n, 3)
"""

from pathlib import Path

import numpy as np

LR = 0.5


class BoolPrunedNet:
    def __init__(self, seed=9):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (4, 8)), "b1": np.zeros(8),
            "W2": rng.normal(0.0, 0.5, (8, 8)), "b2": np.zeros(8),
            "W3": rng.normal(0.0, 0.5, (8, 3)), "b3": np.zeros(3),
        }
        self.keep = np.load(Path(__file__).with_name("mask.npz"))["mask"] > 0.5

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        W2e = np.where(self.keep, p["W2"], 0.0)
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ W2e + p["b2"])
        logits = h2 @ p["W3"] + p["b3"]
        self.output = logits
        logp = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        loss = -np.einsum("nk,nk->", y, logp) / n

        d = (np.exp(logp) - y) / n
        g = {"W3": h2.T @ d, "b3": d.sum(axis=0)}
        d = (d @ p["W3"].T) * (1.0 - h2 * h2)
        g["W2"] = h1.T @ d
        np.putmask(g["W2"], ~self.keep, 0.0)
        g["b2"] = d.sum(axis=0)
        d = (d @ W2e.T) * (1.0 - h1 * h1)
        g["W1"] = X.T @ d
        g["b1"] = d.sum(axis=0)

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
