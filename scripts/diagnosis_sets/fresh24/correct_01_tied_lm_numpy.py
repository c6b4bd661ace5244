"""Next-token model with tied embeddings, NumPy: the window's 4 embeddings are averaged,
h = tanh(e W + b), and the logits reuse the embedding table as the output projection,
logits = h E^T + c. E therefore receives two gradients, one from the lookup and one from the
output layer, which are added. Mean cross-entropy, AdaGrad at lr 0.1 (eps 1e-10, as torch).

    X: (n, 4) int token ids, y: (n, 12) one-hot
"""

import numpy as np


class TiedLM:
    def __init__(self, vocab=12, dim=8, lr=0.1, seed=17):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 0.7, (vocab, dim))
        self.W = rng.normal(0.0, 1.0 / np.sqrt(dim), (dim, dim))
        self.b = np.zeros(dim)
        self.c = np.zeros(vocab)
        self.lr = lr
        self.accum = {k: np.zeros_like(getattr(self, k)) for k in ("E", "W", "b", "c")}

    def forward(self, X):
        self.ctx = self.E[X].mean(axis=1)
        self.h = np.tanh(self.ctx @ self.W + self.b)
        logits = np.einsum("nd,vd->nv", self.h, self.E) + self.c
        self.logp = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        return self.logp

    def loss(self, X, y):
        return float(-np.einsum("nv,nv->", y, self.forward(X)) / len(X))

    def train_step(self, X, y):
        n, context = X.shape
        logp = self.forward(X)
        loss = -np.einsum("nv,nv->", y, logp) / n
        dlogits = (np.exp(logp) - y) / n
        grads = {"c": dlogits.sum(axis=0)}
        dE_out = np.einsum("nv,nd->vd", dlogits, self.h)
        dz = np.einsum("nv,vd->nd", dlogits, self.E) * (1.0 - self.h ** 2)
        grads["W"], grads["b"] = self.ctx.T @ dz, dz.sum(axis=0)
        dctx = dz @ self.W.T / context
        dE_in = np.zeros_like(self.E)
        for j in range(context):
            np.add.at(dE_in, X[:, j], dctx)
        grads["E"] = dE_out + dE_in
        self.grads = grads
        for k, g in grads.items():
            acc = self.accum[k]
            np.add(acc, g * g, out=acc)
            param = getattr(self, k)
            param -= self.lr * g / (np.sqrt(acc) + 1e-10)
        return float(loss)
