"""Neural additive classifier in NumPy with the weights kept (out, in), as nn.Linear keeps them.

Same model and training as cls_numpy.py: per feature dense 1->8 ReLU, 8->8 ReLU, 8->1; logit
sum_j keep_j f_j + bias with keep = masks[t % 25] from cls_masks.npz; BCE with logits (mean)
+ 0.05 mean(f^2) + 0.5 * 1e-3 * sum of the squared weight matrices; SGD lr 0.1, momentum 0.9.
Here z = h @ W.T + b, gradients are built fresh each step, and the momentum is updated in place.
"""

import math
import os

import numpy as np

MASKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cls_masks.npz")


class NAMClassifier:
    def __init__(self, n_features=3, h1=8, h2=8, seed=0):
        rng = np.random.default_rng(seed)
        self.nf = n_features
        self.params = {}
        for j in range(n_features):
            for i, (a, b) in enumerate(((1, h1), (h1, h2), (h2, 1)), start=1):
                self.params[f"f{j}.W{i}"] = (rng.standard_normal((a, b)) * math.sqrt(2.0 / a)).T.copy()
                self.params[f"f{j}.b{i}"] = rng.normal(0.0, 0.1, size=b)
        self.params["bias"] = np.zeros(1)
        self.vel = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = None
        self.masks = np.load(MASKS)["masks"]
        self.step_no = 0
        self.lr, self.mu, self.wd, self.lam = 0.1, 0.9, 1e-3, 0.05

    def _run(self, X):
        P = self.params
        acts, outs = [], []
        for j in range(self.nf):
            a0 = X[:, j:j + 1]
            z1 = a0 @ P[f"f{j}.W1"].T + P[f"f{j}.b1"]
            a1 = np.where(z1 > 0, z1, 0.0)
            z2 = a1 @ P[f"f{j}.W2"].T + P[f"f{j}.b2"]
            a2 = np.where(z2 > 0, z2, 0.0)
            outs.append((a2 @ P[f"f{j}.W3"].T)[:, 0] + P[f"f{j}.b3"][0])
            acts.append((a0, z1, a1, z2, a2))
        f = np.stack(outs, axis=1)
        keep = self.masks[self.step_no % self.masks.shape[0]]
        z = np.einsum("nf,nf->n", f, keep) + P["bias"][0]
        return z, f, keep, acts

    def _objective(self, z, f, y):
        P = self.params
        nll = np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z))))
        decay = sum(np.vdot(P[k], P[k]) for k in P if k.split(".")[-1].startswith("W"))
        return nll + self.lam * np.mean(f * f) + self.wd / 2 * decay

    def loss(self, X, y):
        z, f, _, _ = self._run(X)
        return self._objective(z, f, y)

    def train_step(self, X, y):
        P = self.params
        z, f, keep, acts = self._run(X)
        loss = self._objective(z, f, y)
        n = z.shape[0]
        p = np.exp(-np.logaddexp(0.0, -z))                 # sigmoid(z)
        dz = -(y * (1.0 - p) - (1.0 - y) * p) / n
        df = keep * dz[:, None] + (2.0 * self.lam / f.size) * f
        G = {"bias": np.array([dz.sum()], dtype=dz.dtype)}
        for j in range(self.nf):
            a0, z1, a1, z2, a2 = acts[j]
            d3 = df[:, j:j + 1]
            G[f"f{j}.W3"] = d3.T @ a2 + self.wd * P[f"f{j}.W3"]
            G[f"f{j}.b3"] = d3.sum(axis=0)
            d2 = (d3 @ P[f"f{j}.W3"]) * (z2 > 0)
            G[f"f{j}.W2"] = d2.T @ a1 + self.wd * P[f"f{j}.W2"]
            G[f"f{j}.b2"] = d2.sum(axis=0)
            d1 = (d2 @ P[f"f{j}.W2"]) * (z1 > 0)
            G[f"f{j}.W1"] = d1.T @ a0 + self.wd * P[f"f{j}.W1"]
            G[f"f{j}.b1"] = d1.sum(axis=0)
        self.grads = G
        for k in P:
            self.vel[k] *= self.mu
            self.vel[k] += G[k]
            P[k] -= self.lr * self.vel[k]
        self.step_no += 1
        return float(loss)
