"""A mixture of experts regressor, written out by hand in NumPy.

    pi   = softmax(X @ Wg + bg)                         gate, (N, E)
    h_k  = tanh(X @ W1_k + b1_k)                        expert k's hidden layer, (N, H)
    f_k  = h_k @ W2_k + b2_k                            expert k's prediction, (N, 1)
    yhat = sum_k pi[:, k] * f_k                         (N, 1)
    loss = mean((yhat - y) ** 2)

E = 4 experts of H = 8 tanh units on D = 4 inputs. Trained with Adam (lr 0.01,
betas 0.9 / 0.999, eps 1e-8 outside the square root, bias-corrected), as
torch.optim.Adam.

Parameters (self.params): Wg (D, E), bg (E,), and for each expert k:
W1_k (D, H), b1_k (H,), W2_k (H, 1), b2_k (1,). Gradients in self.grads,
Adam moments in self.m and self.v, keyed like the parameters.
"""

import math

import numpy as np


class MoERegressor:
    def __init__(self, n_in=4, n_experts=4, hidden=8, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.E = n_experts
        self.lr, self.eps = lr, eps
        self.b1, self.b2 = betas
        p = {}
        s_in = 1.0 / math.sqrt(n_in)
        s_h = 1.0 / math.sqrt(hidden)
        p["Wg"] = rng.uniform(-s_in, s_in, (n_in, n_experts))
        p["bg"] = rng.uniform(-s_in, s_in, n_experts)
        for k in range(n_experts):
            p[f"W1_{k}"] = rng.uniform(-s_in, s_in, (n_in, hidden))
            p[f"b1_{k}"] = rng.uniform(-s_in, s_in, hidden)
            p[f"W2_{k}"] = rng.uniform(-s_h, s_h, (hidden, 1))
            p[f"b2_{k}"] = rng.uniform(-s_h, s_h, 1)
        self.params = p
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        z = X @ p["Wg"] + p["bg"]
        z = z - z.max(axis=1, keepdims=True)
        ez = np.exp(z)
        pi = ez / ez.sum(axis=1, keepdims=True)
        hs, fs = [], []
        for k in range(self.E):
            h = np.tanh(X @ p[f"W1_{k}"] + p[f"b1_{k}"])
            hs.append(h)
            fs.append(h @ p[f"W2_{k}"] + p[f"b2_{k}"])
        F = np.concatenate(fs, axis=1)                      # (N, E)
        yhat = (pi * F).sum(axis=1, keepdims=True)
        self.cache = (X, pi, hs, F)
        return yhat

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def backward(self, X, y):
        p, g = self.params, self.grads
        yhat = self.forward(X)
        _, pi, hs, F = self.cache
        N = X.shape[0]
        diff = yhat - y
        loss = np.mean(diff ** 2)
        dyhat = 2.0 * diff / N                              # (N, 1)

        dF = pi * dyhat                                     # (N, E)
        dpi = F * dyhat                                     # (N, E)
        dz = pi * dpi
        g["Wg"] = X.T @ dz
        g["bg"] = dz.sum(axis=0)

        for k in range(self.E):
            df = dF[:, k:k + 1]
            g[f"W2_{k}"] = hs[k].T @ df
            g[f"b2_{k}"] = df.sum(axis=0)
            dh = df @ p[f"W2_{k}"].T
            da = dh * (1.0 - hs[k] ** 2)
            g[f"W1_{k}"] = X.T @ da
            g[f"b1_{k}"] = da.sum(axis=0)
        return loss

    def adam_step(self):
        self.t += 1
        bc1 = 1.0 - self.b1 ** self.t
        bc2 = 1.0 - self.b2 ** self.t
        for k, w in self.params.items():
            gk = self.grads[k]
            self.m[k] = self.b1 * self.m[k] + (1.0 - self.b1) * gk
            self.v[k] = self.b2 * self.v[k] + (1.0 - self.b2) * gk * gk
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_step()
        return float(loss)
