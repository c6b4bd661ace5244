"""The highway MLP classifier of highway_numpy.py written another way (same model, same training).

Matrix products as np.einsum; the highway mix written as h + T * (H - h); the LayerNorm backward
through the variance and mean (dvar, dmean) instead of the compact form; the GELU derivative
through sech^2; the dropout masks pre-scaled once; AdamW updated in place, with the bias
corrections folded into the step size and the epsilon (lr sqrt(bc2) / bc1, eps sqrt(bc2)).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
K = math.sqrt(2.0 / math.pi)
A = 0.044715


class HighwayNetES:
    def __init__(self, d_in=6, width=16, n_classes=3, n_blocks=2, p_drop=0.2, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {"W_in": rng.standard_normal((d_in, width)) / math.sqrt(d_in),
                       "b_in": np.zeros(width)}
        for l in range(n_blocks):
            self.params.update({
                f"blk{l}.ln_g": np.ones(width), f"blk{l}.ln_b": np.zeros(width),
                f"blk{l}.W_h": rng.standard_normal((width, width)) / math.sqrt(width),
                f"blk{l}.b_h": np.zeros(width),
                f"blk{l}.W_t": rng.standard_normal((width, width)) / math.sqrt(width),
                f"blk{l}.b_t": -np.ones(width)})
        self.params.update({"lnf_g": np.ones(width), "lnf_b": np.zeros(width),
                            "W_out": rng.standard_normal((width, n_classes)) * 0.1,
                            "b_out": np.zeros(n_classes)})
        self.L = n_blocks
        keep = np.load(os.path.join(HERE, "highway_masks.npz"))["masks"]
        self.drop = np.where(keep, 1.0 / (1.0 - p_drop), 0.0)
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    @staticmethod
    def _ln(x, g, b):
        mu = np.mean(x, axis=-1, keepdims=True)
        xc = x - mu
        var = np.mean(xc * xc, axis=-1, keepdims=True)
        inv = (var + 1e-5) ** -0.5
        return xc * inv * g + b, (xc, var, inv)

    @staticmethod
    def _ln_back(dy, g, x_hat, cache):
        xc, var, inv = cache
        D = xc.shape[-1]
        dxhat = dy * g
        dvar = np.sum(dxhat * xc, axis=-1, keepdims=True) * -0.5 * inv ** 3
        dmean = -np.sum(dxhat * inv, axis=-1, keepdims=True) - 2.0 * dvar * np.mean(xc, axis=-1, keepdims=True)
        dx = dxhat * inv + dvar * 2.0 * xc / D + dmean / D
        return dx, np.sum(dy * x_hat, axis=0), np.sum(dy, axis=0)

    def _run(self, X):
        P = self.params
        drop = self.drop[self.t % self.drop.shape[0]]
        h = np.einsum("ni,io->no", X, P["W_in"]) + P["b_in"]
        tape = []
        for l in range(self.L):
            k = f"blk{l}."
            u, c = self._ln(h, P[k + "ln_g"], P[k + "ln_b"])
            pre = np.einsum("nd,dk->nk", u, P[k + "W_h"]) + P[k + "b_h"]
            th = np.tanh(K * (pre + A * pre ** 3))
            H = 0.5 * pre * (1.0 + th) * drop[l]
            T = 0.5 * (1.0 + np.tanh(0.5 * (np.einsum("nd,dk->nk", u, P[k + "W_t"]) + P[k + "b_t"])))
            tape.append((h, u, c, pre, th, H, T, drop[l]))
            h = h + T * (H - h)
        uf, cf = self._ln(h, P["lnf_g"], P["lnf_b"])
        return np.einsum("nd,dc->nc", uf, P["W_out"]) + P["b_out"], tape, uf, cf

    def _xent(self, logits, y):
        lse = np.log(np.sum(np.exp(logits - logits.max(-1, keepdims=True)), -1)) + logits.max(-1)
        return np.mean(lse - logits[np.arange(len(y)), y]), np.exp(logits - lse[:, None])

    def loss(self, X, y):
        return self._xent(self._run(X)[0], y)[0]

    def train_step(self, X, y):
        P, G = self.params, self.grads
        logits, tape, uf, cf = self._run(X)
        loss, probs = self._xent(logits, y)
        onehot = np.zeros_like(probs)
        onehot[np.arange(len(y)), y] = 1.0
        d = (probs - onehot) / len(y)
        G["W_out"] = np.einsum("nd,nc->dc", uf, d)
        G["b_out"] = d.sum(0)
        dh, G["lnf_g"], G["lnf_b"] = self._ln_back(np.einsum("nc,dc->nd", d, P["W_out"]),
                                                   P["lnf_g"], cf[0] * cf[2], cf)
        for l in range(self.L - 1, -1, -1):
            k = f"blk{l}."
            h, u, c, pre, th, H, T, drop = tape[l]
            dpre = dh * T * drop * (0.5 * (1.0 + th)
                                    + 0.5 * pre * K * (1.0 + 3.0 * A * pre * pre) * (1.0 - th * th))
            dtp = dh * (H - h) * T * (1.0 - T)
            G[k + "W_h"] = np.einsum("nd,nk->dk", u, dpre)
            G[k + "b_h"] = dpre.sum(0)
            G[k + "W_t"] = np.einsum("nd,nk->dk", u, dtp)
            G[k + "b_t"] = dtp.sum(0)
            du = np.einsum("nk,dk->nd", dpre, P[k + "W_h"]) + np.einsum("nk,dk->nd", dtp, P[k + "W_t"])
            dx, G[k + "ln_g"], G[k + "ln_b"] = self._ln_back(du, P[k + "ln_g"], c[0] * c[2], c)
            dh = dh - dh * T + dx
        G["W_in"] = np.einsum("ni,no->io", X, dh)
        G["b_in"] = dh.sum(0)

        t = self.t
        lr = 3e-3 * (t + 1) / 4 if t < 4 else 1.5e-3 * (1.0 + math.cos(math.pi * (t - 4) / 36))
        self.t = t = t + 1
        bc1, bc2 = 1.0 - 0.9 ** t, 1.0 - 0.999 ** t
        step = lr * math.sqrt(bc2) / bc1
        for name, w in P.items():
            g = G[name]
            if name.rsplit(".", 1)[-1][0] == "W":
                w -= lr * 0.05 * w
            m, v = self.m[name], self.v[name]
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            w -= step * m / (np.sqrt(v) + 1e-8 * math.sqrt(bc2))
        return float(loss)
