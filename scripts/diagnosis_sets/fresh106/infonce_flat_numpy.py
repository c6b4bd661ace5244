"""The one-directional InfoNCE model of infonce_numpy.py written in another style.

All parameters live in one flat vector theta; params holds named views into it (W1, b1, W2, b2
and the 0-d log_scale), and the gradient is written into the same views of one flat gradient
vector, so that clipping is one norm and one in-place scale of the flat vector, and RMSprop is
three in-place lines on flat vectors. The leaky ReLU is np.maximum(a, SLOPE * a), its derivative
applied by scaling the negative entries in place; the loss is logsumexp minus the diagonal.

    X: float (n, 12), view A in columns 0..5, view B in 6..11; y: the sample index (unused)
"""

import math

import numpy as np

D, H, E = 6, 12, 6
SLOPE = 0.1
LR, ALPHA, EPS, MAX_NORM = 0.003, 0.9, 1e-8, 0.5
LAYOUT = [("W1", (D, H)), ("b1", (H,)), ("W2", (H, E)), ("b2", (E,)), ("log_scale", ())]


def views(flat):
    out, at = {}, 0
    for name, shape in LAYOUT:
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class InfoNCEFlat:
    def __init__(self, seed=106):
        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for _, s in LAYOUT))
        self.params = views(self.theta)
        self.params["W1"][...] = rng.normal(0.0, 1.0 / math.sqrt(D), (D, H))
        self.params["W2"][...] = rng.normal(0.0, 1.0 / math.sqrt(H), (H, E))
        self.params["log_scale"][...] = math.log(10.0)
        self.sq = np.zeros_like(self.theta)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        xs = (X[:, :D], X[:, D:])
        acts, hids, norms, us = [], [], [], []
        for x in xs:
            a = x @ p["W1"] + p["b1"]
            h = np.maximum(a, SLOPE * a)
            z = h @ p["W2"] + p["b2"]
            r = np.linalg.norm(z, axis=1, keepdims=True)
            acts.append(a)
            hids.append(h)
            norms.append(r)
            us.append(z / r)
        ua, ub = us
        C = ua @ ub.T
        scale = np.exp(p["log_scale"])
        logits = scale * C
        mx = logits.max(axis=1, keepdims=True)
        ex = np.exp(logits - mx)
        lse = mx[:, 0] + np.log(ex.sum(axis=1))
        loss = np.mean(lse - np.diagonal(logits))

        dlogits = ex / ex.sum(axis=1, keepdims=True)
        np.fill_diagonal(dlogits, np.diagonal(dlogits) - 1.0)
        dlogits /= n
        gflat = np.zeros_like(self.theta)
        g = views(gflat)
        g["log_scale"][...] = scale * np.sum(dlogits * C)
        dC = scale * dlogits
        for x, a, h, r, u, du in zip(xs, acts, hids, norms, us, (dC @ ub, dC.T @ ua)):
            dz = (du - u * np.sum(du * u, axis=1, keepdims=True)) / r
            g["W2"] += h.T @ dz
            g["b2"] += dz.sum(axis=0)
            da = dz @ p["W2"].T
            da[a <= 0] *= SLOPE
            g["W1"] += x.T @ da
            g["b1"] += da.sum(axis=0)

        total = np.linalg.norm(gflat)
        gflat *= min(1.0, MAX_NORM / (total + 1e-6))
        self.grads = g

        self.sq *= ALPHA
        self.sq += (1.0 - ALPHA) * gflat * gflat
        self.theta -= LR * gflat / (np.sqrt(self.sq) + EPS)
        return float(loss)
