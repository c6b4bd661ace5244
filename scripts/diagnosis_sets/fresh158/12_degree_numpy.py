"""fresh158 case UB12 (see fresh158_cases.py).

Two-layer graph convolutional network (Kipf & Welling 2017) for node classification, NumPy.

    A_hat = D^-1/2 (A + I) D^-1/2          (D the degrees of A + I)
    H1    = relu(A_hat @ X @ W1 + b1)
    Z     = A_hat @ H1 @ W2 + b2           (logits, one row per node)
    loss  = softmax cross-entropy, mean over the training-mask nodes only

Dropout off. Adam (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected as torch.optim.Adam),
L2 weight decay 5e-4 on the first layer only (W1, b1), added to the gradient inside the
optimizer as torch.optim.Adam's weight_decay does. The whole graph is one batch.
"""

import math
import os

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn.npz")


def normalized_adjacency(A):
    deg = A.sum(axis=1)
    A_tilde = A + np.eye(A.shape[0])
    d_inv_sqrt = 1.0 / np.sqrt(deg)
    return d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :]


class GCN:
    def __init__(self, n_in=10, n_hidden=16, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=5e-4, seed=0):
        data = np.load(DATA)
        self.A_hat = normalized_adjacency(data["A"])
        self.train_mask = data["train_mask"]

        rng = np.random.default_rng(seed)

        def glorot(fan_in, fan_out):
            r = math.sqrt(6.0 / (fan_in + fan_out))
            return rng.uniform(-r, r, size=(fan_in, fan_out))

        self.params = {
            "W1": glorot(n_in, n_hidden),
            "b1": np.zeros(n_hidden),
            "W2": glorot(n_hidden, n_out),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.decay = {"W1": weight_decay, "b1": weight_decay, "W2": 0.0, "b2": 0.0}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        AX = self.A_hat @ X
        pre1 = AX @ p["W1"] + p["b1"]
        H1 = np.maximum(pre1, 0.0)
        AH = self.A_hat @ H1
        Z = AH @ p["W2"] + p["b2"]
        self.cache = (AX, pre1, H1, AH)
        return Z

    def _softmax_xent(self, Z, y):
        Zm = Z[self.train_mask]
        ym = y[self.train_mask]
        Zs = Zm - Zm.max(axis=1, keepdims=True)
        logp = Zs - np.log(np.exp(Zs).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(ym)), ym].mean()
        return loss, np.exp(logp), ym

    def loss(self, X, y):
        return self._softmax_xent(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        Z = self.forward(X)
        AX, pre1, H1, AH = self.cache
        loss, probs, ym = self._softmax_xent(Z, y)
        n_lab = len(ym)

        dZm = probs.copy()
        dZm[np.arange(n_lab), ym] -= 1.0
        dZm /= n_lab
        dZ = np.zeros_like(Z)
        dZ[self.train_mask] = dZm

        self.grads["W2"] = AH.T @ dZ
        self.grads["b2"] = dZ.sum(axis=0)
        dH1 = self.A_hat.T @ (dZ @ p["W2"].T)
        dpre1 = dH1 * (pre1 > 0)
        self.grads["W1"] = AX.T @ dpre1
        self.grads["b1"] = dpre1.sum(axis=0)
        return loss

    def adam_step(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            if self.decay[k]:
                g = g + self.decay[k] * w
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_step()
        return float(loss)
