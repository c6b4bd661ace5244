"""GloVe in NumPy: weighted least squares on co-occurrence triples, trained by AdaGrad.

Word vectors W and context vectors C with a word bias b and a context bias bc. For a triple
(i, j, x = X_ij) the residual is diff = w_i . c_j + b_i + bc_j - log x, weighted by
f(x) = min(1, (x / XMAX)^ALPHA); the loss is the mean over the batch of f(x) diff^2 (no 1/2, so
the gradient of a residual is 2 f(x) diff / n). Gradients scattered back with np.add.at. AdaGrad
as torch.optim.Adagrad writes it: the sums of squared gradients start at 0, G += g^2, then
param -= LR * g / (sqrt(G) + EPS).

    X: float (n, 3) word id i, context id j, count X_ij; y: float (n, 1) log X_ij
"""

import numpy as np

V, D = 20, 6
LR, XMAX, ALPHA, EPS = 0.05, 10.0, 0.75, 1e-10


class GloVe:
    def __init__(self, seed=108):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.uniform(-0.5, 0.5, (V, D)) / D ** 0.5,
            "C": rng.uniform(-0.5, 0.5, (V, D)) / D ** 0.5,
            "b": rng.uniform(-0.5, 0.5, V),
            "bc": rng.uniform(-0.5, 0.5, V),
        }
        self.G = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        i = X[:, 0].astype(int)
        j = X[:, 1].astype(int)
        w, c = p["W"][i], p["C"][j]
        pred = np.sum(w * c, axis=1) + p["b"][i] + p["bc"][j]
        return i, j, w, c, pred

    def weight(self, x):
        return np.minimum(1.0, (x / XMAX) ** ALPHA)

    def loss(self, X, y):
        pred = self.forward(X)[4]
        return np.mean(self.weight(X[:, 2]) * (pred - y[:, 0]) ** 2)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        i, j, w, c, pred = self.forward(X)
        f = self.weight(X[:, 2])
        diff = pred - y[:, 0]
        loss = np.mean(f * diff ** 2)

        gd = 2.0 * f * diff / n                            # d loss / d pred
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["W"], i, gd[:, None] * c)
        np.add.at(g["C"], j, gd[:, None] * w)
        np.add.at(g["b"], i, gd)
        np.add.at(g["bc"], j, gd)
        self.grads = g

        for k in p:
            self.G[k] += g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.G[k]) + EPS)
        return float(loss)
