"""The same two-layer GCN in NumPy, written as message passing over an edge list.

The layers are a list of dicts, each holding its weight, its bias and its own Adam moments. The
normalised adjacency with self-loops is never formed: each layer gathers the source rows of the
edge list (self-loops appended), scales them by the edge weight 1 / sqrt(d_src d_dst) and
scatter-adds them into the targets with np.add.at; the backward sends the gradient the other way
along every edge (targets to sources, the transpose). Adam keeps running powers of its betas
instead of raising them to t, with the L2 term WD * W on the weights only.

    X: float (40, 12) node features, y: int (40,) the topic of every node
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, CLASSES = 12, 16, 3
LR, WD = 0.01, 5e-4
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class GCNAlt:
    def __init__(self, seed=97):
        graph = np.load(HERE / "citation.npz")
        A = graph["A"]
        n = A.shape[0]
        src, dst = np.nonzero(A)
        loops = np.arange(n)
        self.src = np.concatenate([src, loops])
        self.dst = np.concatenate([dst, loops])
        deg = np.bincount(self.dst, minlength=n).astype(float)
        self.edge_w = 1.0 / np.sqrt(deg[self.src] * deg[self.dst])
        self.labelled = np.flatnonzero(graph["train_mask"])
        rng = np.random.default_rng(seed)
        self.layers = []
        for fin, fout in ((F_IN, HIDDEN), (HIDDEN, CLASSES)):
            limit = np.sqrt(6.0 / (fin + fout))
            self.layers.append({"W": rng.uniform(-limit, limit, (fin, fout)), "b": np.zeros(fout)})
        for layer in self.layers:
            layer["mom"] = {k: np.zeros_like(layer[k]) for k in ("W", "b")}
            layer["sq"] = {k: np.zeros_like(layer[k]) for k in ("W", "b")}
        self.beta1_t = 1.0
        self.beta2_t = 1.0

    def propagate(self, H, reverse=False):
        src, dst = (self.dst, self.src) if reverse else (self.src, self.dst)
        out = np.zeros_like(H)
        np.add.at(out, dst, self.edge_w[:, None] * H[src])
        return out

    def forward(self, X):
        cache = []
        H = X
        for i, layer in enumerate(self.layers):
            M = self.propagate(H)
            Z = M @ layer["W"] + layer["b"]
            cache.append((M, Z))
            H = np.maximum(Z, 0.0) if i == 0 else Z
        return H, cache

    def loss(self, X, y):
        logits, _ = self.forward(X)
        z = logits[self.labelled]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(z)), y[self.labelled]].mean())

    def train_step(self, X, y):
        logits, cache = self.forward(X)
        idx = self.labelled
        z = logits[idx] - logits[idx].max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(idx)), y[idx]].mean()

        dZ = np.zeros_like(logits)
        probs = np.exp(logp)
        probs[np.arange(len(idx)), y[idx]] -= 1.0
        dZ[idx] = probs / len(idx)
        grads = [None, None]
        for i in (1, 0):
            M, _ = cache[i]
            layer = self.layers[i]
            grads[i] = {"W": M.T @ dZ, "b": dZ.sum(axis=0)}
            if i > 0:
                dH = self.propagate(dZ @ layer["W"].T, reverse=True)
                dZ = dH * (cache[i - 1][1] > 0)
        # keyed by the path of each parameter, as the parity kit names layers[i]['W']
        self.grads = {f"layers_{i}_{k}": grads[i][k] for i in (0, 1) for k in ("W", "b")}

        self.beta1_t *= BETA1
        self.beta2_t *= BETA2
        for layer, g in zip(self.layers, grads):
            for k in ("W", "b"):
                grad = g[k] + WD * layer[k] if k == "W" else g[k]
                layer["mom"][k] *= BETA1
                layer["mom"][k] += (1.0 - BETA1) * grad
                layer["sq"][k] *= BETA2
                layer["sq"][k] += (1.0 - BETA2) * grad * grad
                denom = np.sqrt(layer["sq"][k] / (1.0 - self.beta2_t)) + EPS
                layer[k] -= LR / (1.0 - self.beta1_t) * layer["mom"][k] / denom
        return float(loss)
