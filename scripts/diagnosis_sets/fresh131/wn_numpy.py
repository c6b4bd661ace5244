"""A residual MLP whose block layers are weight-normalised, tanh-GELU, trained with AdamW
(decoupled weight decay on the weights only), from scratch in NumPy.

    h = X @ W_in + b_in                                    (N, 16)
    for each of the 2 blocks:
        W1 = g1 * v1 / ||v1||,  W2 = g2 * v2 / ||v2||      (16, 16) each; the norm of each
                                                           column (one per output unit)
        h = h + gelu(h @ W1 + b1) @ W2 + b2
    out = h @ W_out + b_out                                (N, 1)
    loss = mean((out - y) ** 2)

Weight decay (0.05) is applied to W_in, W_out and the directions v1, v2; not to the
gains g or the biases (two parameter groups, as usual for weight norm).

    X: float (N, 5), y: float (N, 1).

Parameters (self.params): W_in, b_in, v1_{l}, g1_{l}, b1_{l}, v2_{l}, g2_{l}, b2_{l} (l = 0, 1),
W_out, b_out; weights and directions kept (in, out).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import math
import os

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)


def gelu(x):
    t = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1.0 + t), t


def gelu_backward(dy, x, t):
    dinner = GELU_C * (1.0 + 3.0 * 0.044715 * x ** 2)
    return dy * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t ** 2) * dinner)


def weight_norm(v, g):
    norm = np.sqrt((v ** 2).sum(axis=0))              # (out,)
    return v * (g / norm), norm


def weight_norm_backward(dW, v, g, norm):
    dg = (dW * v).sum(axis=0) / norm
    dv = dW * (g / norm) - v * (g * dg / norm ** 2)
    return dv, dg


class WNResMLP:
    def __init__(self, n_in=5, width=16, n_out=1, n_blocks=2, lr=1e-2, betas=(0.9, 0.999),
                 eps=1e-8, weight_decay=0.05, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.n_blocks = n_blocks
        p = {"W_in": rng.standard_normal((n_in, width)) / math.sqrt(n_in),
             "b_in": 0.1 * rng.standard_normal(width)}
        for l in range(n_blocks):
            for j in (1, 2):
                p[f"v{j}_{l}"] = rng.standard_normal((width, width))
                p[f"g{j}_{l}"] = 0.5 + 0.2 * rng.standard_normal(width)
                p[f"b{j}_{l}"] = 0.1 * rng.standard_normal(width)
        p["W_out"] = rng.standard_normal((width, n_out)) / math.sqrt(width)
        p["b_out"] = np.zeros(n_out)
        self.params = {k: a.astype(dtype) for k, a in p.items()}
        self.grads = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.decay = [k for k in self.params if k[0] in "Wv"]

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        caches = []
        for l in range(self.n_blocks):
            W1, n1 = weight_norm(p[f"v1_{l}"], p[f"g1_{l}"])
            W2, n2 = weight_norm(p[f"v2_{l}"], p[f"g2_{l}"])
            a = h @ W1 + p[f"b1_{l}"]
            z, t = gelu(a)
            caches.append((h, W1, n1, W2, n2, a, t, z))
            h = h + z @ W2 + p[f"b2_{l}"]
        out = h @ p["W_out"] + p["b_out"]
        return out, (caches, h)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return ((self.forward(X) - y) ** 2).mean()

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, gr = self.params, self.grads
        out, (caches, h_last) = self._forward(X)
        diff = out - y
        loss = (diff ** 2).mean()

        dout = 2.0 * diff / diff.size
        gr["W_out"] = h_last.T @ dout
        gr["b_out"] = dout.sum(axis=0)
        dh = dout @ p["W_out"].T
        for l in reversed(range(self.n_blocks)):
            h, W1, n1, W2, n2, a, t, z = caches[l]
            dW2 = z.T @ dh
            gr[f"b2_{l}"] = dh.sum(axis=0)
            gr[f"v2_{l}"], gr[f"g2_{l}"] = weight_norm_backward(dW2, p[f"v2_{l}"], p[f"g2_{l}"], n2)
            da = gelu_backward(dh @ W2.T, a, t)
            dW1 = h.T @ da
            gr[f"b1_{l}"] = da.sum(axis=0)
            gr[f"v1_{l}"], gr[f"g1_{l}"] = weight_norm_backward(dW1, p[f"v1_{l}"], p[f"g1_{l}"], n1)
            dh = dh + da @ W1.T                           # the skip path plus the block
        gr["W_in"] = X.T @ dh
        gr["b_in"] = dh.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            if k in self.decay:
                w *= 1.0 - self.lr * self.weight_decay
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wn.npz"))
    net = WNResMLP()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
