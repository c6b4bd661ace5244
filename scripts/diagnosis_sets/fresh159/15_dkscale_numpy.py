"""fresh159 UC15 (planted bug): 1/sqrt(head_dim) score scale applied to dq but not to dk.

A one-block decoder-only transformer language model, by hand in NumPy.

tok (V, C) token table + pos (T, C) learned positions -> one pre-LayerNorm block
    x = x + out_proj(causal multi-head attention(LN1(x)))   separate q, k, v projections
                                                           without bias, 3 heads
    x = x + fc_out(GELU(fc_in(LN2(x))))                     exact GELU, 0.5 a (1 + erf(a / sqrt 2))
-> final LayerNorm -> lm head (with bias) -> cross-entropy averaged over all B*T positions.

Weights are kept as nn.Linear keeps them, (out, in): y = x @ W.T + b.
AdamW: lr 5e-3, betas (0.9, 0.95), eps 1e-8, decoupled weight decay 0.05 on the weight
matrices Wq, Wk, Wv, Wo, Wfc, Wproj, Whead only; warmup 3 updates, then linear decay to 0
at update 20: the t-th update uses lr * f(t - 1), f(s) = (s + 1) / 3 for s < 3, else
(20 - s) / 17.
"""

import math

import numpy as np
from scipy.special import erf

SQRT2 = math.sqrt(2.0)
INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


class TinyLM:
    PARAMS = ("tok", "pos", "ln1_w", "ln1_b", "Wq", "Wk", "Wv", "Wo", "bo", "ln2_w", "ln2_b",
              "Wfc", "bfc", "Wproj", "bproj", "lnf_w", "lnf_b", "Whead", "bhead")
    DECAY = ("Wq", "Wk", "Wv", "Wo", "Wfc", "Wproj", "Whead")

    def __init__(self, vocab_size=10, block_size=6, n_embd=8, n_head=2, seed=1):
        rng = np.random.default_rng(seed)
        V, T, C = vocab_size, block_size, n_embd
        self.n_head = n_head
        self.eps_ln = 1e-5
        self.tok = rng.normal(0, 0.3, (V, C))
        self.pos = rng.normal(0, 0.3, (T, C))
        self.ln1_w = 1.0 + rng.normal(0, 0.1, C)
        self.ln1_b = rng.normal(0, 0.1, C)
        self.Wq = rng.normal(0, 0.3, (C, C))
        self.Wk = rng.normal(0, 0.3, (C, C))
        self.Wv = rng.normal(0, 0.3, (C, C))
        self.Wo = rng.normal(0, 0.2, (C, C))
        self.bo = rng.normal(0, 0.05, C)
        self.ln2_w = 1.0 + rng.normal(0, 0.1, C)
        self.ln2_b = rng.normal(0, 0.1, C)
        self.Wfc = rng.normal(0, 0.3, (4 * C, C))
        self.bfc = rng.normal(0, 0.1, 4 * C)
        self.Wproj = rng.normal(0, 0.15, (C, 4 * C))
        self.bproj = rng.normal(0, 0.05, C)
        self.lnf_w = 1.0 + rng.normal(0, 0.1, C)
        self.lnf_b = rng.normal(0, 0.1, C)
        self.Whead = rng.normal(0, 0.3, (V, C))
        self.bhead = np.zeros(V)

        self.lr, self.warmup, self.total = 5e-3, 3, 20
        self.b1, self.b2, self.eps, self.wd = 0.9, 0.95, 1e-8, 0.05
        self.grads = {}
        self.adam_m = {n: np.zeros_like(getattr(self, n)) for n in self.PARAMS}
        self.adam_v = {n: np.zeros_like(getattr(self, n)) for n in self.PARAMS}
        self.step_count = 0

    # ---------------------------------------------------------------- pieces
    def _ln(self, x, w, b):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        rstd = 1.0 / np.sqrt(var + self.eps_ln)
        xhat = (x - mu) * rstd
        return xhat * w + b, (xhat, rstd, w)

    @staticmethod
    def _ln_back(dy, cache):
        xhat, rstd, w = cache
        C = xhat.shape[-1]
        dw = (dy * xhat).sum((0, 1))
        db = dy.sum((0, 1))
        dxhat = dy * w
        dx = (rstd / C) * (C * dxhat - dxhat.sum(-1, keepdims=True)
                           - xhat * (dxhat * xhat).sum(-1, keepdims=True))
        return dx, dw, db

    def _heads(self, t):
        B, T, C = t.shape
        return t.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)

    @staticmethod
    def _merge(t):
        B, H, T, D = t.shape
        return t.transpose(0, 2, 1, 3).reshape(B, T, H * D)

    # --------------------------------------------------------------- forward
    def _forward(self, X):
        B, T = X.shape
        x0 = self.tok[X] + self.pos[:T]
        h, c1 = self._ln(x0, self.ln1_w, self.ln1_b)
        q, k, v = self._heads(h @ self.Wq.T), self._heads(h @ self.Wk.T), self._heads(h @ self.Wv.T)
        scale = 1.0 / math.sqrt(q.shape[-1])
        s = (q @ k.transpose(0, 1, 3, 2)) * scale
        causal = np.triu(np.ones((T, T), dtype=bool), k=1)
        s[:, :, causal] = -np.inf
        s = s - s.max(-1, keepdims=True)
        e = np.exp(s)
        att = e / e.sum(-1, keepdims=True)
        ctx = self._merge(att @ v)
        x1 = x0 + ctx @ self.Wo.T + self.bo
        h2, c2 = self._ln(x1, self.ln2_w, self.ln2_b)
        a = h2 @ self.Wfc.T + self.bfc
        g = 0.5 * a * (1.0 + erf(a / SQRT2))
        x2 = x1 + g @ self.Wproj.T + self.bproj
        hf, cf = self._ln(x2, self.lnf_w, self.lnf_b)
        logits = hf @ self.Whead.T + self.bhead
        cache = dict(c1=c1, h=h, q=q, k=k, v=v, att=att, ctx=ctx, c2=c2, h2=h2, a=a, g=g,
                     cf=cf, hf=hf, scale=scale)
        return logits, cache

    def loss(self, X, y):
        logits, _ = self._forward(X)
        z = logits - logits.max(-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(-1, keepdims=True))
        return -np.take_along_axis(logp, y[..., None], -1).mean()

    # -------------------------------------------------------------- backward
    def backward(self, X, y):
        B, T = X.shape
        V = self.Whead.shape[0]
        logits, c = self._forward(X)
        z = logits - logits.max(-1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(-1, keepdims=True)
        onehot = np.eye(V, dtype=p.dtype)[y]
        loss = -(np.log(p) * onehot).sum(-1).mean()
        gr = self.grads

        dlogits = (p - onehot) / (B * T)
        gr["Whead"] = np.einsum("btv,btc->vc", dlogits, c["hf"])
        gr["bhead"] = dlogits.sum((0, 1))
        dhf = dlogits @ self.Whead
        dx2, gr["lnf_w"], gr["lnf_b"] = self._ln_back(dhf, c["cf"])

        # MLP
        gr["Wproj"] = np.einsum("btc,btf->cf", dx2, c["g"])
        gr["bproj"] = dx2.sum((0, 1))
        dg = dx2 @ self.Wproj
        a = c["a"]
        da = dg * (0.5 * (1.0 + erf(a / SQRT2)) + a * INV_SQRT_2PI * np.exp(-0.5 * a * a))
        gr["Wfc"] = np.einsum("btf,btc->fc", da, c["h2"])
        gr["bfc"] = da.sum((0, 1))
        dh2 = da @ self.Wfc
        d, gr["ln2_w"], gr["ln2_b"] = self._ln_back(dh2, c["c2"])
        dx1 = dx2 + d

        # attention
        gr["Wo"] = np.einsum("btc,btd->cd", dx1, c["ctx"])
        gr["bo"] = dx1.sum((0, 1))
        dctx = self._heads(dx1 @ self.Wo)
        att, q, k, v = c["att"], c["q"], c["k"], c["v"]
        datt = dctx @ v.transpose(0, 1, 3, 2)
        dv = att.transpose(0, 1, 3, 2) @ dctx
        ds = att * (datt - (datt * att).sum(-1, keepdims=True))
        dq = (ds @ k) * c["scale"]
        dk = ds.transpose(0, 1, 3, 2) @ q
        dq, dk, dv = self._merge(dq), self._merge(dk), self._merge(dv)
        h = c["h"]
        gr["Wq"] = np.einsum("btc,btd->cd", dq, h)
        gr["Wk"] = np.einsum("btc,btd->cd", dk, h)
        gr["Wv"] = np.einsum("btc,btd->cd", dv, h)
        dh = dq @ self.Wq + dk @ self.Wk + dv @ self.Wv
        d, gr["ln1_w"], gr["ln1_b"] = self._ln_back(dh, c["c1"])
        dx0 = dx1 + d

        dtok = np.zeros_like(self.tok)
        np.add.at(dtok, X, dx0)
        gr["tok"] = dtok
        dpos = np.zeros_like(self.pos)
        dpos[:T] = dx0.sum(0)
        gr["pos"] = dpos
        return loss

    # ------------------------------------------------------------- optimizer
    def _lr(self):
        s = self.step_count
        if s < self.warmup:
            return self.lr * (s + 1) / self.warmup
        return self.lr * max(0.0, (self.total - s) / (self.total - self.warmup))

    def adamw(self):
        lr = self._lr()
        self.step_count += 1
        t = self.step_count
        for n in self.PARAMS:
            w, g = getattr(self, n), self.grads[n]
            m, v = self.adam_m[n], self.adam_v[n]
            if n in self.DECAY:
                w -= lr * self.wd * w
            m[...] = self.b1 * m + (1 - self.b1) * g
            v[...] = self.b2 * v + (1 - self.b2) * g * g
            m_hat = m / (1 - self.b1 ** t)
            v_hat = v / (1 - self.b2 ** t)
            w -= lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)
