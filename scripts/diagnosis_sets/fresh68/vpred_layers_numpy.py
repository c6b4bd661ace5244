"""The v-prediction model of vpred_numpy.py written in another style: the cosine schedule turned
into betas (1 - alpha_bar_t / alpha_bar_{t-1}) and back into alpha_bar by np.cumprod, the min-SNR
weight with np.where, the layers kept as a list of dicts plus a separate time projection, SiLU
through 0.5 (1 + tanh(z / 2)), the loss and gradients with np.einsum, the global norm taken with
np.linalg.norm over the flattened gradients, RMSprop state in a list.

    X: float (n, 3) (x0 (2), t), y: float (n, 2) eps
"""

import numpy as np

T, EMB, HIDDEN = 100, 8, 32
S, GAMMA = 0.008, 5.0
LR, ALPHA, EPS, MAX_NORM = 0.005, 0.9, 1e-8, 0.15


def cosine_alpha_bar(T, s=S):
    steps = np.linspace(0.0, T, T + 1) / T
    f = np.cos((steps + s) / (1.0 + s) * np.pi * 0.5) ** 2
    return np.clip(f[1:] / f[0], 1e-5, 1.0)


_ab = cosine_alpha_bar(T)
BETAS = 1.0 - _ab / np.concatenate([[1.0], _ab[:-1]])
ALPHA_BAR = np.cumprod(1.0 - BETAS)
_snr = ALPHA_BAR / (1.0 - ALPHA_BAR)
MIN_SNR_W = np.where(_snr < GAMMA, _snr, GAMMA) / (_snr + 1.0)


def embed(t):
    half = EMB // 2
    freqs = np.exp(-np.log(10000.0) / half * np.arange(half))
    ang = np.outer(t, freqs)
    return np.hstack([np.cos(ang), np.sin(ang)])


def silu(z):
    sg = 0.5 * (1.0 + np.tanh(0.5 * z))
    return z * sg, sg


class VPredLayers:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"W_in": rng.standard_normal((2, HIDDEN)) * 0.7, "b_in": np.zeros(HIDDEN)},
            {"W_h": rng.standard_normal((HIDDEN, HIDDEN)) * 0.18, "b_h": np.zeros(HIDDEN)},
            {"W_out": rng.standard_normal((HIDDEN, 2)) * 0.18, "b_out": np.zeros(2)},
        ]
        self.W_time = rng.standard_normal((EMB, HIDDEN)) * 0.35
        self.sq = [np.zeros_like(a) for a in self._arrays()]

    def _arrays(self):
        first, hidden, last = self.layers
        return [first["W_in"], first["b_in"], self.W_time, hidden["W_h"], hidden["b_h"], last["W_out"], last["b_out"]]

    def train_step(self, X, y):
        l0, l1, l2 = self.layers
        dt = l0["W_in"].dtype
        x0, t = X[:, :2], X[:, 2].astype(np.int64)
        eps = y.astype(dt)
        sa = np.sqrt(ALPHA_BAR[t]).astype(dt)[:, None]
        sb = np.sqrt(1.0 - ALPHA_BAR[t]).astype(dt)[:, None]
        w = MIN_SNR_W[t].astype(dt)
        x_t = sa * x0 + sb * eps
        target = sa * eps - sb * x0
        e = embed(t).astype(dt)

        z0 = np.einsum("ni,ih->nh", x_t, l0["W_in"]) + np.einsum("ne,eh->nh", e, self.W_time) + l0["b_in"]
        a0, g0 = silu(z0)
        z1 = np.einsum("nh,hk->nk", a0, l1["W_h"]) + l1["b_h"]
        a1, g1 = silu(z1)
        out = np.einsum("nk,ko->no", a1, l2["W_out"]) + l2["b_out"]

        r = out - target
        n_el = r.size
        loss = np.einsum("n,no,no->", w, r, r) / n_el
        d_out = (2.0 / n_el) * w[:, None] * r

        grads = [None] * 7
        grads[5] = np.einsum("nk,no->ko", a1, d_out)
        grads[6] = d_out.sum(0)
        d_z1 = np.einsum("no,ko->nk", d_out, l2["W_out"]) * (g1 + z1 * g1 * (1.0 - g1))
        grads[3] = np.einsum("nh,nk->hk", a0, d_z1)
        grads[4] = d_z1.sum(0)
        d_z0 = np.einsum("nk,hk->nh", d_z1, l1["W_h"]) * (g0 + z0 * g0 * (1.0 - g0))
        grads[0] = np.einsum("ni,nh->ih", x_t, d_z0)
        grads[1] = d_z0.sum(0)
        grads[2] = np.einsum("ne,nh->eh", e, d_z0)

        total = np.linalg.norm(np.concatenate([gr.ravel() for gr in grads]))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            grads = [gr * coef for gr in grads]

        for i, (param, gr) in enumerate(zip(self._arrays(), grads)):
            self.sq[i] *= ALPHA
            self.sq[i] += (1.0 - ALPHA) * gr * gr
            param -= LR * gr / (np.sqrt(self.sq[i]) + EPS)
        return float(loss)
