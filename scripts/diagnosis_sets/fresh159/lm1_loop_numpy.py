"""fresh159 correct variant of lm1_numpy.py: the same one-block LM, written with loops.

Weights kept (in, out) (y = x @ W + b); attention one head at a time in a Python loop, the
causal mask added as -1e9 above the diagonal; LayerNorm with np.var; the exact GELU
derivative through the normal density; the token gradient accumulated window by window;
AdamW written with np.multiply / np.add into the state arrays (out=).
"""

import math

import numpy as np
from scipy.special import erf


class TinyLMLoop:
    NAMES = ("tok", "pos", "ln1_w", "ln1_b", "Wq", "Wk", "Wv", "Wo", "bo", "ln2_w", "ln2_b",
             "Wfc", "bfc", "Wproj", "bproj", "lnf_w", "lnf_b", "Whead", "bhead")

    def __init__(self, vocab_size=10, block_size=6, n_embd=8, n_head=2, seed=1):
        rng = np.random.default_rng(seed)
        V, T, C = vocab_size, block_size, n_embd
        self.H = n_head
        # the draws of lm1_numpy.py, (out, in) draws transposed to (in, out)
        self.tok = rng.normal(0, 0.3, (V, C))
        self.pos = rng.normal(0, 0.3, (T, C))
        self.ln1_w = 1.0 + rng.normal(0, 0.1, C)
        self.ln1_b = rng.normal(0, 0.1, C)
        self.Wq = rng.normal(0, 0.3, (C, C)).T.copy()
        self.Wk = rng.normal(0, 0.3, (C, C)).T.copy()
        self.Wv = rng.normal(0, 0.3, (C, C)).T.copy()
        self.Wo = rng.normal(0, 0.2, (C, C)).T.copy()
        self.bo = rng.normal(0, 0.05, C)
        self.ln2_w = 1.0 + rng.normal(0, 0.1, C)
        self.ln2_b = rng.normal(0, 0.1, C)
        self.Wfc = rng.normal(0, 0.3, (4 * C, C)).T.copy()
        self.bfc = rng.normal(0, 0.1, 4 * C)
        self.Wproj = rng.normal(0, 0.15, (C, 4 * C)).T.copy()
        self.bproj = rng.normal(0, 0.05, C)
        self.lnf_w = 1.0 + rng.normal(0, 0.1, C)
        self.lnf_b = rng.normal(0, 0.1, C)
        self.Whead = rng.normal(0, 0.3, (V, C)).T.copy()
        self.bhead = np.zeros(V)
        self.grads = {}
        self.m = {n: np.zeros_like(getattr(self, n)) for n in self.NAMES}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in self.NAMES}
        self.t = 0

    @staticmethod
    def norm(x, w, b):
        mu = x.mean(-1, keepdims=True)
        sd = np.sqrt(x.var(-1, keepdims=True) + 1e-5)
        xh = (x - mu) / sd
        return xh * w + b, (xh, sd)

    @staticmethod
    def norm_back(dy, w, cache):
        xh, sd = cache
        g = dy * w
        dx = (g - g.mean(-1, keepdims=True) - xh * (g * xh).mean(-1, keepdims=True)) / sd
        return dx, (dy * xh).sum((0, 1)), dy.sum((0, 1))

    def forward(self, X):
        B, T = X.shape
        C = self.tok.shape[1]
        d = C // self.H
        x0 = self.tok[X] + self.pos[:T]
        h, n1 = self.norm(x0, self.ln1_w, self.ln1_b)
        Q, K, Vv = h @ self.Wq, h @ self.Wk, h @ self.Wv
        mask = np.triu(np.full((T, T), -1e9, dtype=Q.dtype), 1)
        ctx = np.empty_like(Q)
        probs = []
        for i in range(self.H):
            sl = slice(i * d, (i + 1) * d)
            s = Q[:, :, sl] @ K[:, :, sl].transpose(0, 2, 1) / math.sqrt(d) + mask
            s = np.exp(s - s.max(-1, keepdims=True))
            a = s / s.sum(-1, keepdims=True)
            probs.append(a)
            ctx[:, :, sl] = a @ Vv[:, :, sl]
        x1 = x0 + ctx @ self.Wo + self.bo
        h2, n2 = self.norm(x1, self.ln2_w, self.ln2_b)
        z = h2 @ self.Wfc + self.bfc
        u = 0.5 * z * (1.0 + erf(z / math.sqrt(2.0)))
        x2 = x1 + u @ self.Wproj + self.bproj
        hf, nf = self.norm(x2, self.lnf_w, self.lnf_b)
        logits = hf @ self.Whead + self.bhead
        return logits, (x0, h, n1, Q, K, Vv, probs, ctx, n2, h2, z, u, nf, hf)

    def loss(self, X, y):
        logits = self.forward(X)[0]
        z = logits - logits.max(-1, keepdims=True)
        return (np.log(np.exp(z).sum(-1)) - np.take_along_axis(z, y[..., None], -1)[..., 0]).mean()

    def train_step(self, X, y):
        B, T = X.shape
        C = self.tok.shape[1]
        d = C // self.H
        logits, (x0, h, n1, Q, K, Vv, probs, ctx, n2, h2, z, u, nf, hf) = self.forward(X)
        sh = logits - logits.max(-1, keepdims=True)
        lse = np.log(np.exp(sh).sum(-1, keepdims=True))
        logp = sh - lse
        loss = -np.take_along_axis(logp, y[..., None], -1).mean()
        g = self.grads
        flat = lambda t: t.reshape(-1, t.shape[-1])

        dlog = np.exp(logp)
        for b in range(B):
            dlog[b, np.arange(T), y[b]] -= 1.0
        dlog = dlog / (B * T)
        g["Whead"] = flat(hf).T @ flat(dlog)
        g["bhead"] = flat(dlog).sum(0)
        dx2, g["lnf_w"], g["lnf_b"] = self.norm_back(dlog @ self.Whead.T, self.lnf_w, nf)

        g["Wproj"] = flat(u).T @ flat(dx2)
        g["bproj"] = flat(dx2).sum(0)
        pdf = np.exp(-0.5 * z ** 2) / math.sqrt(2.0 * math.pi)
        dz = (dx2 @ self.Wproj.T) * (0.5 * (1.0 + erf(z / math.sqrt(2.0))) + z * pdf)
        g["Wfc"] = flat(h2).T @ flat(dz)
        g["bfc"] = flat(dz).sum(0)
        dn2, g["ln2_w"], g["ln2_b"] = self.norm_back(dz @ self.Wfc.T, self.ln2_w, n2)
        dx1 = dx2 + dn2

        g["Wo"] = flat(ctx).T @ flat(dx1)
        g["bo"] = flat(dx1).sum(0)
        dctx = dx1 @ self.Wo.T
        dQ, dK, dV = np.zeros_like(Q), np.zeros_like(K), np.zeros_like(Vv)
        for i in range(self.H):
            sl = slice(i * d, (i + 1) * d)
            a = probs[i]
            dc = dctx[:, :, sl]
            da = dc @ Vv[:, :, sl].transpose(0, 2, 1)
            dV[:, :, sl] = a.transpose(0, 2, 1) @ dc
            ds = a * (da - (a * da).sum(-1, keepdims=True)) / math.sqrt(d)
            dQ[:, :, sl] = ds @ K[:, :, sl]
            dK[:, :, sl] = ds.transpose(0, 2, 1) @ Q[:, :, sl]
        g["Wq"] = flat(h).T @ flat(dQ)
        g["Wk"] = flat(h).T @ flat(dK)
        g["Wv"] = flat(h).T @ flat(dV)
        dn1, g["ln1_w"], g["ln1_b"] = self.norm_back(
            dQ @ self.Wq.T + dK @ self.Wk.T + dV @ self.Wv.T, self.ln1_w, n1)
        dx0 = dx1 + dn1

        dtok = np.zeros_like(self.tok)
        for b in range(B):
            for t in range(T):
                dtok[X[b, t]] += dx0[b, t]
        g["tok"] = dtok
        dpos = np.zeros_like(self.pos)
        dpos[:T] = dx0.sum(0)
        g["pos"] = dpos

        # AdamW
        s = self.t
        lr = 5e-3 * ((s + 1) / 3 if s < 3 else max(0.0, (20 - s) / 17))
        self.t += 1
        b1, b2 = 0.9, 0.95
        for n in self.NAMES:
            w, gw, m, v = getattr(self, n), g[n], self.m[n], self.v[n]
            if n in ("Wq", "Wk", "Wv", "Wo", "Wfc", "Wproj", "Whead"):
                np.multiply(w, 1.0 - lr * 0.05, out=w)
            np.multiply(m, b1, out=m)
            np.add(m, (1.0 - b1) * gw, out=m)
            np.multiply(v, b2, out=v)
            np.add(v, (1.0 - b2) * gw * gw, out=v)
            mh = m / (1.0 - b1 ** self.t)
            vh = v / (1.0 - b2 ** self.t)
            np.subtract(w, lr * mh / (np.sqrt(vh) + 1e-8), out=w)
        return float(loss)
