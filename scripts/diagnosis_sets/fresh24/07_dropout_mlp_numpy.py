"""MLP with a fixed dropout mask, NumPy. The mask over the 16 units of the first hidden layer is
drawn once (seeded) and kept, so that runs are reproducible; the kept units are scaled by
1 / KEEP_PROB (inverted dropout).

    6 -> 16 ReLU -> dropout (fixed mask) -> 16 ReLU -> 3 softmax

Mean cross-entropy, AdaGrad (cache += g^2; theta -= lr g / (sqrt(cache) + 1e-10)).
"""

import numpy as np

KEEP_PROB = 0.8
MASK_SEED = 77


def fixed_mask(units, keep_prob=KEEP_PROB, seed=MASK_SEED):
    return (np.random.default_rng(seed).random(units) < keep_prob).astype(float)


class DropoutMLP:
    def __init__(self, sizes=(6, 16, 16, 3), lr=0.1, seed=7):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0.0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.mask = fixed_mask(sizes[1])
        self.lr = lr
        self.cache = [np.zeros_like(p) for p in self.W + self.b]

    def forward(self, X):
        W, b = self.W, self.b
        self.z1 = X @ W[0] + b[0]
        self.h1 = np.maximum(self.z1, 0.0) * self.mask / KEEP_PROB
        self.z2 = self.h1 @ W[1] + b[1]
        self.h2 = np.maximum(self.z2, 0.0)
        logits = self.h2 @ W[2] + b[2]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.probs = e / e.sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.sum(y * np.log(self.forward(X))) / len(X))

    def train_step(self, X, y):
        W = self.W
        probs = self.forward(X)
        loss = -np.sum(y * np.log(probs)) / len(X)
        d3 = (probs - y) / len(X)
        gW3, gb3 = self.h2.T @ d3, d3.sum(axis=0)
        d2 = (d3 @ W[2].T) * (self.z2 > 0)
        gW2, gb2 = self.h1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ W[1].T) * self.mask / KEEP_PROB * (self.z1 > 0)
        gW1, gb1 = X.T @ d1, d1.sum(axis=0)
        grads = [gW1, gW2, gW3, gb1, gb2, gb3]
        for p, g, c in zip(self.W + self.b, grads, self.cache):
            c += g * g
            p -= self.lr * g / (np.sqrt(c) + 1e-10)
        return float(loss)
