"""The Gaussian RBF network of rbf_numpy.py written in another style: the parameters are
attributes, the centres kept transposed as a (4, K) matrix (one centre per column), the output
weight as a (1, K) row and the bias as a length-1 array; the squared distances by the expansion
|x|^2 - 2 x.c + |c|^2 (a matrix product), the Gaussian written with the precision
exp(-2 log_s) / 2 instead of a division, the backward in matrix products, separate backward()
and update() methods, and the Adam state in one dict of [m, v] pairs, the first bias
correction taken into the step size LR / (1 - beta1^t) and the second applied to sqrt(v).

    X: float (n, 4), y: float (n, 1)
"""

import math

import numpy as np

D, K = 4, 8
LR, BETA1, BETA2, EPS = 0.05, 0.9, 0.999, 1e-8
NAMES = ("centres_T", "log_width", "w_row", "bias")


class RBFNetAlt:
    def __init__(self, seed=79):
        rng = np.random.default_rng(seed)
        self.centres_T = rng.normal(0.0, 1.0, (K, D)).T.copy()
        self.log_width = np.log(1.5) + rng.normal(0.0, 0.1, K)
        self.w_row = rng.normal(0.0, 0.5, (K, 1)).T.copy()
        self.bias = np.zeros(1)
        self.adam = {name: [np.zeros_like(getattr(self, name)), np.zeros_like(getattr(self, name))]
                     for name in NAMES}
        self.steps_taken = 0

    def forward(self, X):
        sq = (X * X).sum(axis=1)[:, None] - 2.0 * (X @ self.centres_T) + (self.centres_T ** 2).sum(axis=0)
        half_prec = 0.5 * np.exp(-2.0 * self.log_width)
        phi = np.exp(-sq * half_prec)
        self.cache = (X, sq, half_prec, phi)
        return phi @ self.w_row.T + self.bias

    def loss(self, X, y):
        r = self.forward(X) - y
        return float((r * r).sum() / r.size)

    def backward(self, y):
        X, sq, half_prec, phi = self.cache
        out = phi @ self.w_row.T + self.bias
        r = out - y
        dout = r * (2.0 / r.size)                                  # (n, 1)
        dexp = (dout @ self.w_row) * phi                           # d loss / d(-sq * half_prec)
        dsq = -dexp * half_prec                                    # (n, K)
        grads = {
            "w_row": dout.T @ phi,
            "bias": dout.sum(axis=0),
            # sq = |x|^2 - 2 x.c + |c|^2 -> d/dc = -2 x + 2 c
            "centres_T": -2.0 * (X.T @ dsq) + 2.0 * self.centres_T * dsq.sum(axis=0),
            # -sq * 0.5 * exp(-2 log_s) -> d/dlog_s = sq * exp(-2 log_s) = 2 * sq * half_prec
            "log_width": (dexp * sq).sum(axis=0) * 2.0 * half_prec,
        }
        return float((r * r).mean()), grads

    def update(self, grads):
        self.steps_taken += 1
        t = self.steps_taken
        step_size = LR / (1.0 - BETA1 ** t)
        root_bc2 = math.sqrt(1.0 - BETA2 ** t)
        for name in NAMES:
            g = grads[name]
            mv = self.adam[name]
            mv[0] = BETA1 * mv[0] + (1.0 - BETA1) * g
            mv[1] = BETA2 * mv[1] + (1.0 - BETA2) * (g * g)
            setattr(self, name, getattr(self, name) - step_size * mv[0] / (np.sqrt(mv[1]) / root_bc2 + EPS))

    def train_step(self, X, y):
        self.forward(X)
        loss, grads = self.backward(y)
        self.grads = grads
        self.update(grads)
        return loss
