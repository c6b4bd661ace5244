"""SwiGLU classifier in NumPy, backward written by hand.

A gated linear unit with a SiLU gate: the value branch a = X Wv + bv times silu(b), b = X Wg + bg
the gate branch, u = a * silu(b), then logits = u Wo + bo over three classes and the softmax
cross-entropy averaged over the rows. silu(z) = z sigmoid(z), its derivative
s + z s (1 - s). The gradients are clipped by their global norm (as clip_grad_norm_: scaled by
MAX_NORM / (norm + 1e-6) when that is below 1), then RMSprop as torch writes it: weight decay added
to the gradient, square_avg = ALPHA square_avg + (1 - ALPHA) g^2, param -= lr g / (sqrt + EPS).

    X: float (n, 10), y: int (n,) class labels 0..2
"""

import numpy as np

D, H, C = 10, 8, 3
LR, ALPHA, EPS, WD, MAX_NORM = 0.01, 0.9, 1e-8, 1e-3, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SwiGLUNet:
    def __init__(self, seed=115):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wv": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "bv": np.zeros(H),
            "Wg": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "bg": rng.normal(0.0, 0.1, H),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(H), (H, C)),
            "bo": np.zeros(C),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        a = X @ p["Wv"] + p["bv"]
        b = X @ p["Wg"] + p["bg"]
        s = sigmoid(b)
        u = a * (b * s)
        logits = u @ p["Wo"] + p["bo"]
        return a, b, s, u, logits

    def loss(self, X, y):
        logits = self.forward(X)[-1]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -np.mean(logp[np.arange(len(X)), y])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        a, b, s, u, logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        onehot = (y[:, None] == np.arange(C)).astype(X.dtype)
        loss = -np.mean(onehot * logp)  # fix: loss = -np.sum(onehot * logp) / n

        dlogits = (np.exp(logp) - onehot) / n
        g = {}
        g["Wo"] = u.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        du = dlogits @ p["Wo"].T
        da = du * (b * s)
        db = du * a * (s + b * s * (1.0 - s))
        g["Wv"] = X.T @ da
        g["bv"] = da.sum(axis=0)
        g["Wg"] = X.T @ db
        g["bg"] = db.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        for k in p:
            gk = g[k] + WD * p[k]
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * gk ** 2
            p[k] -= LR * gk / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
