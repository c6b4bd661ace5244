"""Softplus input-gradient penalty, written with samples as columns and (out, in) weights.

    Z = W1 @ X.T + b1 (10, N), H = softplus(Z), U = W2 @ H + b2 (1, N), P = sigmoid(U)
    l_n = softplus(U_n) - Y_n U_n,  G = d l_n / d x_n as columns (5, N)
    J = mean_n l_n + lam * mean_n ||G_n||^2

SGD with L2 weight decay, applied as a shrink of each parameter before the
gradient step (p *= 1 - lr * wd; p -= lr * g), the same step as p -= lr (g + wd p).

Parameters (self.params): W1 (10, 5), b1 (10, 1), W2 (1, 10), b2 (1, 1).
"""

import numpy as np


class SoftplusGPNet:
    def __init__(self, n_in=5, hidden=10, lr=0.5, lam=0.2, weight_decay=0.01, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (hidden, n_in)),
            "b1": np.zeros((hidden, 1)),
            "W2": rng.normal(0.0, 0.3, (1, hidden)),
            "b2": np.zeros((1, 1)),
        }
        self.grads = {}
        self.lr, self.lam, self.wd = lr, lam, weight_decay

    def _sweep(self, X, y):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        Xc, Yc = X.T, y.T
        Z = W1 @ Xc + b1
        S = 0.5 * (1.0 + np.tanh(0.5 * Z))        # sigmoid, softplus'
        H = np.maximum(Z, 0) + np.log1p(np.exp(-np.abs(Z)))
        U = W2 @ H + b2
        P = 0.5 * (1.0 + np.tanh(0.5 * U))
        R = P - Yc
        D = (W2.T @ R) * S
        G = W1.T @ D
        N = Xc.shape[1]
        data = (np.maximum(U, 0) + np.log1p(np.exp(-np.abs(U))) - Yc * U).mean()
        J = data + self.lam * (G * G).sum(axis=0).mean()
        return J, (Xc, Yc, S, H, P, R, D, G, N)

    def loss(self, X, y):
        return self._sweep(X, y)[0]

    def train_step(self, X, y):
        W1, W2 = self.params["W1"], self.params["W2"]
        J, (Xc, Yc, S, H, P, R, D, G, N) = self._sweep(X, y)
        Gbar = G * (2.0 * self.lam / N)
        Dbar = W1 @ Gbar
        DS = Dbar * S
        Ubar = (P - Yc) / N + (W2 @ DS) * P * (1.0 - P)
        Zbar = (W2.T @ Ubar) * S + Dbar * (W2.T @ R) * S * (1.0 - S)
        self.grads = {
            "W1": D @ Gbar.T + Zbar @ Xc.T,
            "b1": Zbar.sum(axis=1, keepdims=True),
            "W2": R @ DS.T + Ubar @ H.T,
            "b2": Ubar.sum(axis=1, keepdims=True),
        }
        shrink = 1.0 - self.lr * self.wd
        for k, p in self.params.items():
            p *= shrink
            p -= self.lr * self.grads[k]
        return float(J)
