"""The prototype classifier of proto_numpy.py written in another style: the parameters are
attributes, the embedding kept as nn.Linear keeps it, a (4, 6) matrix applied as x W^T; the
squared distances by broadcasting the differences (no expansion) with np.einsum; the
log-softmax through a log-sum-exp; the backward through the differences; and the AdamW bias
corrections folded into the step size and eps (lr sqrt(1 - beta2^t) / (1 - beta1^t) over
sqrt(v) + eps sqrt(1 - beta2^t)), the cosine rate computed from the update count.

    X: float (n, 6), y: int (n,) class labels 0..2
"""

import math

import numpy as np

D, E, N_CLASSES = 6, 4, 3
TEMP = 0.5
LR, WD, T_MAX = 0.05, 0.05, 20
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def log_softmax(a):
    top = a.max(axis=1, keepdims=True)
    return a - (top + np.log(np.exp(a - top).sum(axis=1, keepdims=True)))


class ProtoNetAlt:
    def __init__(self, seed=79):
        rng = np.random.default_rng(seed)
        self.W_embed = rng.normal(0.0, 1.0 / np.sqrt(D), (D, E)).T.copy()
        self.protos = rng.normal(0.0, 1.0, (N_CLASSES, E))
        self.m = {"W_embed": np.zeros_like(self.W_embed), "protos": np.zeros_like(self.protos)}
        self.v = {"W_embed": np.zeros_like(self.W_embed), "protos": np.zeros_like(self.protos)}
        self.updates = 0

    def _scores(self, X):
        z = np.einsum("nd,ed->ne", X, self.W_embed)
        delta = z[:, None, :] - self.protos[None, :, :]             # (n, C, E)
        return z, delta, -np.einsum("nce,nce->nc", delta, delta) / TEMP

    def loss(self, X, y):
        logp = log_softmax(self._scores(X)[2])
        return float(-logp[np.arange(len(y)), y].mean())

    def train_step(self, X, y):
        n = X.shape[0]
        z, delta, scores = self._scores(X)
        logp = log_softmax(scores)
        rows = np.arange(n)
        loss = -logp[rows, y].mean()

        dscores = np.exp(logp)
        dscores[rows, y] -= 1.0
        dscores /= n
        # scores = -sum_e delta^2 / TEMP  ->  d/d delta = -2 delta / TEMP
        ddelta = dscores[:, :, None] * delta * (-2.0 / TEMP)      # (n, C, E)
        dz = ddelta.sum(axis=1)
        self.grads = {"W_embed": np.einsum("ne,nd->ed", dz, X), "protos": -ddelta.sum(axis=0)}

        self.updates += 1
        t = self.updates
        lr = 0.5 * LR * (1.0 + math.cos(math.pi * (t - 1) / T_MAX))
        bc1, root_bc2 = 1.0 - BETA1 ** t, math.sqrt(1.0 - BETA2 ** t)
        for name in ("W_embed", "protos"):
            g = self.grads[name]
            self.m[name] += (1.0 - BETA1) * (g - self.m[name])
            self.v[name] = BETA2 * self.v[name] + (1.0 - BETA2) * g * g
            param = getattr(self, name)
            param -= lr * WD * param
            param -= (lr * root_bc2 / bc1) * self.m[name] / (np.sqrt(self.v[name]) + EPS * root_bc2)
        return float(loss)
