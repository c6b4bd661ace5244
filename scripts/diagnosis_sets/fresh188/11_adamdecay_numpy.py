"""A neural additive model for regression, from scratch in NumPy.
(variant 11)

One small network per input feature, all features' networks held stacked on a leading
feature axis and evaluated at once with einsum:

    x_j (scalar) -> ExU layer: z1 = exp(w_j) * (x_j - b_j)      (12 units per feature)
                 -> ReLU-1: h1 = clip(z1, 0, 1)
                 -> dense 12 -> 6, ReLU
                 -> dense 6 -> 1: the feature's output f_j
    prediction = sum_j keep_j * f_j + bias

keep is the feature-dropout mask, fixed, given with the data: X holds the four features in
columns 0-3 and their keep mask (0 or 1/(1-p)) in columns 4-7.

Loss: mean squared error + output penalty lam * mean(f^2) over rows and features (on the
feature outputs before dropout). Adam (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected)
with coupled L2 weight decay 1e-3 (wd * p added to the gradient, as torch.optim.Adam's
weight_decay) on the weights exu_w, W2, W3 only, not on the biases.

Parameters (self.params):
    exu_w (F, H1), exu_b (F, H1), W2 (F, H1, H2), b2 (F, H2), W3 (F, H2), b3 (F,), bias (1,)
"""

import math

import numpy as np


class NAMRegressor:
    DECAYED = ("exu_w", "W2", "W3")

    def __init__(self, n_features=4, n_exu=12, n_hidden=6, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, weight_decay=1e-3, output_penalty=0.1, seed=0):
        rng = np.random.default_rng(seed)
        F, H1, H2 = n_features, n_exu, n_hidden
        self.n_features = F
        self.params = {
            "exu_w": rng.normal(0.3, 0.2, size=(F, H1)),
            "exu_b": rng.uniform(-1.0, 1.0, size=(F, H1)),
            "W2": rng.standard_normal((F, H1, H2)) / math.sqrt(H1),
            "b2": rng.normal(0.0, 0.1, size=(F, H2)),
            "W3": rng.standard_normal((F, H2)) / math.sqrt(H2),
            "b3": np.zeros(F),
            "bias": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.output_penalty = output_penalty
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _split(self, X):
        return X[:, :self.n_features], X[:, self.n_features:]

    def _forward(self, X):
        p = self.params
        x, keep = self._split(X)
        z1 = np.exp(p["exu_w"])[None] * (x[:, :, None] - p["exu_b"][None])   # (N, F, H1)
        h1 = np.clip(z1, 0.0, 1.0)                                           # ReLU-1
        z2 = np.einsum("nfi,fij->nfj", h1, p["W2"]) + p["b2"]                 # (N, F, H2)
        h2 = np.maximum(z2, 0.0)
        f = np.einsum("nfj,fj->nf", h2, p["W3"]) + p["b3"]                    # (N, F)
        out = (f * keep).sum(axis=1) + p["bias"]                             # (N,)
        return out, (x, keep, z1, h1, z2, h2, f)

    def forward(self, X):
        return self._forward(X)[0]

    def _loss(self, out, f, y):
        return np.mean((out - y) ** 2) + self.output_penalty * np.mean(f ** 2)

    def loss(self, X, y):
        out, cache = self._forward(X)
        return self._loss(out, cache[-1], y)

    def backward(self, X, y):
        p, g = self.params, self.grads
        out, (x, keep, z1, h1, z2, h2, f) = self._forward(X)
        loss = self._loss(out, f, y)
        N = X.shape[0]

        dout = 2.0 * (out - y) / N                                           # (N,)
        df = dout[:, None] * keep + self.output_penalty * 2.0 * f / f.size   # (N, F)
        g["bias"] = dout.sum(keepdims=True)
        g["b3"] = df.sum(axis=0)
        g["W3"] = np.einsum("nf,nfj->fj", df, h2)
        dz2 = df[:, :, None] * p["W3"][None] * (z2 > 0)
        g["b2"] = dz2.sum(axis=0)
        g["W2"] = np.einsum("nfi,nfj->fij", h1, dz2)
        dh1 = np.einsum("nfj,fij->nfi", dz2, p["W2"])
        dz1 = dh1 * ((z1 > 0) & (z1 < 1))                                    # ReLU-1'
        g["exu_w"] = (dz1 * z1).sum(axis=0)                                  # dz1/dw = exp(w)(x - b)
        g["exu_b"] = -(dz1 * np.exp(p["exu_w"])[None]).sum(axis=0)           # dz1/db = -exp(w)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            if k in self.DECAYED:
                p -= self.lr * self.weight_decay * p
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
