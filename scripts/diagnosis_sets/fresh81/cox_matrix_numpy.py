"""Cox proportional-hazards network in NumPy with an explicit risk-set matrix, no sorting.

The same model as cox_numpy.py, written another way: the weights are attributes kept (out, in)
as torch keeps them (W_h (5, 6), b_h (5,), w_r (1, 5)); the risk sets are a 0/1 matrix
R[i, j] = [T_j >= T_i], so tied times share their risk set (Breslow) and censored rows sit in
the risk sets of every earlier event, and the backward pass is R^T applied to each event's share.
SGD with momentum and L2 weight decay kept as a list of buffers beside a list of the parameters,
and the cosine-annealed learning rate computed with math.cos from the number of updates made.

    X: float (n, 6) covariates, y: float (n, 2) [time in months, event indicator]
"""

import math

import numpy as np

D, HIDDEN = 6, 5
LR, MOMENTUM, WD, T_MAX, ETA_MIN = 0.1, 0.9, 1e-3, 20, 0.01


class CoxRiskMatrix:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.W_h = rng.normal(0.0, 0.5, (HIDDEN, D))
        self.b_h = np.full(HIDDEN, 0.05)
        self.w_r = rng.normal(0.0, 0.5, (1, HIDDEN))
        self.buffers = None
        self.updates = 0

    def parameters(self):
        return [self.W_h, self.b_h, self.w_r]

    def train_step(self, X, y):
        time, event = y[:, 0], y[:, 1]
        R = (time[None, :] >= time[:, None]).astype(X.dtype)
        pre = X @ self.W_h.T + self.b_h
        h = np.where(pre > 0, pre, 0.0)
        eta = (h @ self.w_r.T)[:, 0]
        shift = eta.max()
        e = np.exp(eta - shift)
        S = R @ e
        n_events = event.sum()
        loss = -np.dot(event, eta - np.log(S) - shift) / n_events

        deta = (e * (R.T @ (event / S)) - event) / n_events
        dpre = np.where(pre > 0, np.outer(deta, self.w_r[0]), 0.0)
        self.grads = {"W_h": dpre.T @ X, "b_h": dpre.sum(axis=0), "w_r": (deta @ h)[None, :]}

        lr = ETA_MIN + 0.5 * (LR - ETA_MIN) * (1.0 + math.cos(math.pi * self.updates / T_MAX))
        grads = [self.grads["W_h"], self.grads["b_h"], self.grads["w_r"]]
        if self.buffers is None:
            self.buffers = [g + WD * p for p, g in zip(self.parameters(), grads)]
        else:
            for buf, p, g in zip(self.buffers, self.parameters(), grads):
                buf *= MOMENTUM
                buf += g + WD * p
        for p, buf in zip(self.parameters(), self.buffers):
            p -= lr * buf
        self.updates += 1
        return float(loss)
