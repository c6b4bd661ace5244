"""RBF-KAN classifier from scratch in NumPy: two Kolmogorov-Arnold layers on a fixed grid.

No normalisation: each input value a[n, i] is expanded on the fixed grid
grid = linspace(-2, 2, 8), h = 4 / 7, as phi[n, i, k] = exp(-((a[n, i] - grid[k]) / h)^2).
Each layer:

    out[n, o] = sum_{i, k} phi[n, i, k] S[i, k, o]  +  (silu(a) @ W)[n, o]  +  b[o]

S kept (d_in, G, d_out), W (d_in, d_out). Layers 5 -> 10 -> 3, chained directly; the last
layer's output are the logits. Softmax cross-entropy averaged over the batch. AdamW (lr 1e-2,
betas (0.9, 0.999), eps 1e-8, decoupled weight decay 1e-2 on every parameter: p *= 1 - lr wd
before the Adam step), as torch.optim.AdamW.
"""

import numpy as np


def silu(a):
    s = 1.0 / (1.0 + np.exp(-a))
    return a * s, s


class RBFKANClassifier:
    def __init__(self, sizes=(5, 10, 3), num_grids=8, grid_range=(-2.0, 2.0), lr=1e-2,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, seed=1):
        rng = np.random.default_rng(seed)
        lo, hi = grid_range
        self.grid = np.linspace(lo, hi, num_grids)
        self.h = float(hi - lo) / (num_grids - 1)
        self.sizes = sizes
        self.params = {}
        for l in range(1, len(sizes)):
            d_in, d_out = sizes[l - 1], sizes[l]
            self.params[f"S{l}"] = rng.normal(0.0, 0.1, (d_in, num_grids, d_out))
            self.params[f"W{l}"] = rng.normal(0.0, 1.0 / np.sqrt(d_in), (d_in, d_out))
            self.params[f"b{l}"] = np.zeros(d_out)
        self.lr, self.wd, self.eps = lr, weight_decay, eps
        self.beta1, self.beta2 = betas
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.step_count = 0
        self.grads = {}

    def basis(self, a):
        z = (a[:, :, None] - self.grid) / self.h
        return z, np.exp(-z ** 2)

    def forward(self, X):
        acts = []
        a = X
        for l in range(1, len(self.sizes)):
            S, W, b = self.params[f"S{l}"], self.params[f"W{l}"], self.params[f"b{l}"]
            z, phi = self.basis(a)
            sa, sig = silu(a)
            out = np.einsum("nik,iko->no", phi, S) + sa @ W + b
            acts.append((a, z, phi, sa, sig))
            a = out
        return a, acts

    @staticmethod
    def softmax_xent(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        probs = exp / exp.sum(axis=1, keepdims=True)
        n = logits.shape[0]
        loss = -np.log(probs[np.arange(n), y]).mean()
        return loss, probs

    def loss(self, X, y):
        return self.softmax_xent(self.forward(X)[0], y)[0]

    def backward(self, X, y):
        logits, acts = self.forward(X)
        loss, probs = self.softmax_xent(logits, y)
        n = X.shape[0]
        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        for l in range(len(self.sizes) - 1, 0, -1):
            a, z, phi, sa, sig = acts[l - 1]
            S, W = self.params[f"S{l}"], self.params[f"W{l}"]
            self.grads[f"S{l}"] = np.einsum("nik,no->iko", phi, d)
            self.grads[f"W{l}"] = sa.T @ d
            self.grads[f"b{l}"] = d.sum(axis=0)
            if l > 1:
                dphi = np.einsum("no,iko->nik", d, S)
                da_spline = (dphi * phi * (-2.0 * z)).sum(axis=2) / self.h
                da_base = (d @ W.T) * sig * (1.0 + a * (1.0 - sig))
                d = da_spline + da_base
        return loss

    def step(self):
        self.step_count += 1
        t = self.step_count
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1.0 - self.lr * self.wd
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g ** 2
            m_hat = self.m[k] / (1.0 - self.beta1 ** t)
            v_hat = self.v[k] / (1.0 - self.beta2 ** t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
