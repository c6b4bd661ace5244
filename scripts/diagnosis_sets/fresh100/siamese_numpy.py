"""Siamese network with the contrastive loss, in NumPy.

One tower (tanh hidden layer, linear embedding) embeds both points of a pair, the two 8-feature
column blocks of X. The distance is Euclidean with a small epsilon inside the square root,
d = sqrt(|e1 - e2|^2 + EPS), and the contrastive loss, averaged over the pairs, is
0.5 * (y d^2 + (1 - y) max(0, MARGIN - d)^2): similar pairs (y = 1) are pulled together,
dissimilar ones pushed out to the margin. SGD with heavy-ball momentum as torch.optim.SGD writes
it, an L2 weight decay on the two weight matrices only (added to the gradient before the
momentum, not to the biases) and a step schedule: the learning rate halves every STEP updates.

    X: float (n, 16) the pairs [x1 | x2], y: float (n,) 1 similar / 0 dissimilar
"""

import numpy as np

D, HIDDEN, EMB = 8, 16, 4
LR, MOMENTUM, WD = 0.05, 0.9, 5e-4
STEP, GAMMA = 8, 0.5
MARGIN, EPS = 2.0, 1e-6


class SiameseNet:
    def __init__(self, seed=100):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMB)),
            "b2": np.zeros(EMB),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def embed(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        return h, h @ p["W2"] + p["b2"]

    def tower_backward(self, x, h, de, g):
        p = self.params
        g["W2"] += h.T @ de
        g["b2"] += de.sum(axis=0)
        dpre = (de @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] += x.T @ dpre
        g["b1"] += dpre.sum(axis=0)

    def pair_terms(self, X):
        x1, x2 = X[:, :D], X[:, D:]
        h1, e1 = self.embed(x1)
        h2, e2 = self.embed(x2)
        diff = e1 - e2
        d2 = np.sum(diff ** 2, axis=1) + EPS
        d = np.sqrt(d2)
        hinge = np.maximum(0.0, MARGIN - d)
        return x1, x2, h1, h2, diff, d2, d, hinge

    def loss(self, X, y):
        *_, d2, d, hinge = self.pair_terms(X)
        return float(0.5 * np.mean(y * d2 + (1.0 - y) * hinge ** 2))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x1, x2, h1, h2, diff, d2, d, hinge = self.pair_terms(X)
        loss = 0.5 * np.mean(y * d2 + (1.0 - y) * hinge ** 2)

        # dL/d diff: similar pairs 2 y diff, dissimilar -2 hinge * diff / d, times 0.5 / n
        coef = (y - (1.0 - y) * hinge / d) / n
        ddiff = coef[:, None] * diff
        g = {k: np.zeros_like(a) for k, a in p.items()}
        self.tower_backward(x1, h1, ddiff, g)
        self.tower_backward(x2, h2, -ddiff, g)
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP)
        for k in p:
            step = g[k] + WD * p[k] if k.startswith("W") else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + step
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return float(loss)
