"""Mixup with a class-weighted focal loss, a second NumPy implementation of focal_numpy.py.

Layers as a list of dicts {W (in, out), b}, forward and backward as loops over the layers.
The focal gradient goes by the chain rule through p = softmax(z)[c] rather than the closed
form: dFL/dp = alpha_c * (gamma * q^(gamma-1) * log p - q^gamma / p), then
dp/dz_j = p * (delta_jc - p_j). The two mixup terms are folded into per-row, per-class
weights before the softmax Jacobian. Heavy-ball momentum in place (v *= mu; v += g; W -= lr v)
on buffers kept in self.moms.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "focal_mix.npz"))


class FocalMLPLoop:
    def __init__(self, sizes=(8, 20, 12, 3), seed=5):
        rng = np.random.default_rng(seed)
        self.layers = [{"W": rng.normal(0.0, np.sqrt(2.0 / a), (a, b)), "b": np.zeros(b)}
                       for a, b in zip(sizes[:-1], sizes[1:])]
        self.moms = [{"W": np.zeros_like(L["W"]), "b": np.zeros_like(L["b"])} for L in self.layers]
        self.class_weight = np.array([0.25, 0.5, 0.75])
        self.gamma, self.lr, self.mu = 2, 0.05, 0.9
        self.mix = [(float(l), p) for l, p in zip(_MIX["lam"], _MIX["perm"])]
        self.n_steps = 0

    def _forward(self, X):
        lam, perm = self.mix[self.n_steps % len(self.mix)]
        X = np.asarray(X, dtype=self.layers[0]["W"].dtype)
        a = lam * X + (1.0 - lam) * X[perm]
        acts = [a]
        for i, L in enumerate(self.layers):
            a = a @ L["W"] + L["b"]
            if i < len(self.layers) - 1:
                a = np.where(a > 0, a, 0.0).astype(a.dtype)
            acts.append(a)
        z = acts[-1]
        z = z - z.max(1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(1, keepdims=True)
        return lam, perm, acts, probs

    def _terms(self, probs, c):
        p = probs[np.arange(len(c)), c]
        q = 1.0 - p
        a = self.class_weight[c]
        fl = -a * q ** self.gamma * np.log(p)
        dfl_dp = a * (self.gamma * q ** (self.gamma - 1) * np.log(p) - q ** self.gamma / p)
        return fl, dfl_dp, p

    def loss(self, X, y):
        lam, perm, _, probs = self._forward(X)
        return lam * self._terms(probs, y)[0].mean() + (1 - lam) * self._terms(probs, y[perm])[0].mean()

    def train_step(self, X, y):
        lam, perm, acts, probs = self._forward(X)
        N = len(y)
        fa, ga, pa = self._terms(probs, y)
        fb, gb, pb = self._terms(probs, y[perm])
        loss = lam * fa.mean() + (1 - lam) * fb.mean()
        # d loss / d p_c for each row and each target class the row is scored against
        dP = np.zeros_like(probs)
        np.add.at(dP, (np.arange(N), y), lam * ga / N)
        np.add.at(dP, (np.arange(N), y[perm]), (1 - lam) * gb / N)
        # softmax Jacobian: dz_j = p_j * (dP_j - sum_k dP_k p_k)
        delta = probs * (dP - (dP * probs).sum(1, keepdims=True))
        for i in reversed(range(len(self.layers))):
            L, M = self.layers[i], self.moms[i]
            gW = acts[i].T @ delta
            gb_ = delta.sum(0)
            if i > 0:
                delta = (delta @ L["W"].T) * (acts[i] > 0)
            M["W"] *= self.mu
            M["W"] += gW
            M["b"] *= self.mu
            M["b"] += gb_
            L["W"] -= self.lr * M["W"]
            L["b"] -= self.lr * M["b"]
        self.n_steps += 1
        return float(loss)
