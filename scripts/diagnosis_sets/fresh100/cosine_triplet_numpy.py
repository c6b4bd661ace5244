"""Triplet network on cosine distances, in NumPy, trained on mini-batches.

X holds each triplet as three column blocks, [anchor | positive | negative], six features each;
one tower (tanh hidden layer, linear embedding) embeds the three blocks. The distance is the
cosine distance 1 - cos(a, b), cos(a, b) = a.b / (|a| |b|) with |a| = sqrt(|a|^2 + EPS), and the
loss the triplet margin loss averaged over the batch, mean(max(0, d(a,p) - d(a,n) + MARGIN)).
The gradients are clipped to a global norm of MAX_NORM as torch.nn.utils.clip_grad_norm_ does it
(coefficient MAX_NORM / (norm + 1e-6), at most 1), then RMSprop as torch.optim.RMSprop writes it:
square_avg = ALPHA * square_avg + (1 - ALPHA) g^2, p -= LR g / (sqrt(square_avg) + RMS_EPS).

    X: float (n, 18) triplets [a | p | n], y: float (n,) the anchor's class (not used by the loss)
"""

import math

import numpy as np

D, HIDDEN, EMB = 6, 12, 5
LR, ALPHA, RMS_EPS, MAX_NORM = 0.005, 0.9, 1e-8, 0.25
MARGIN, EPS = 0.3, 1e-6


class CosineTripletNet:
    def __init__(self, seed=100):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMB)),
            "b2": rng.normal(0.0, 0.1, EMB),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def embed(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        return h, h @ p["W2"] + p["b2"]

    @staticmethod
    def cosine(a, b):
        ra = np.sqrt(np.sum(a * a, axis=1, keepdims=True) + EPS)
        rb = np.sqrt(np.sum(b * b, axis=1, keepdims=True) + EPS)
        c = np.sum(a * b, axis=1, keepdims=True) / (ra * rb)
        dca = b / (ra * rb) - c * a / ra ** 2
        dcb = a / (ra * rb) - c * b / rb ** 2
        return c, dca, dcb

    def triplet_terms(self, X):
        xs = (X[:, :D], X[:, D:2 * D], X[:, 2 * D:])
        (ha, ea), (hp, ep), (hn, en) = (self.embed(x) for x in xs)
        cap, dcap_a, dcap_p = self.cosine(ea, ep)
        can, dcan_a, dcan_n = self.cosine(ea, en)
        return xs, (ha, hp, hn), (dcap_a, dcap_p, dcan_a, dcan_n), 1.0 - cap, 1.0 - can

    def loss(self, X, y):
        dap, dan = self.triplet_terms(X)[3:]
        return float(np.mean(np.maximum(0.0, dap - dan + MARGIN)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        xs, (ha, hp, hn), (dcap_a, dcap_p, dcan_a, dcan_n), dap, dan = self.triplet_terms(X)
        loss = np.mean(np.maximum(0.0, dap - dan + MARGIN))

        active = (dap - dan + MARGIN > 0).astype(X.dtype) / n
        # dL/d cap = -active, dL/d can = +active
        de = {"a": -active * dcap_a + active * dcan_a, "p": -active * dcap_p, "n": active * dcan_n}
        g = {k: np.zeros_like(a) for k, a in p.items()}
        for x, h, key in zip(xs, (ha, hp, hn), "apn"):
            g["W2"] += h.T @ de[key]
            g["b2"] += de[key].sum(axis=0)
            dpre = (de[key] @ p["W2"].T) * (1.0 - h ** 2)
            g["W1"] += x.T @ dpre
            g["b1"] += dpre.sum(axis=0)

        total = math.sqrt(sum(float(np.sum(gk * gk)) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] *= coef
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + RMS_EPS)
        return float(loss)
