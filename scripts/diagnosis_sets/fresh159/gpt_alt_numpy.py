"""fresh159 correct variant of gpt_numpy.py: the same tiny GPT written another way.

Weights kept as torch keeps them, (out, in), applied with einsum; attention scores and
contexts by einsum over (batch, head, query, key); the tanh GELU written through the
logistic function (0.5 (1 + tanh u) = sigmoid(2u)); LayerNorm backward through dvar and
dmean; AdamW with the bias corrections folded into the step size and eps
(lr sqrt(1 - b2^t) / (1 - b2^t) ... the "efficient" form of the Adam paper), moments updated
in place.
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TinyGPT:
    K = math.sqrt(2.0 / math.pi)
    A = 0.044715

    def __init__(self, vocab_size=16, block_size=8, n_embd=12, n_head=2, n_layer=2, seed=0):
        # same draws as gpt_numpy.py, stored transposed
        rng = np.random.default_rng(seed)
        C = n_embd
        self.V, self.T, self.C, self.nh, self.L = vocab_size, block_size, C, n_head, n_layer
        std = 0.2
        p = {"wte": rng.normal(0, std, (vocab_size, C)),
             "wpe": rng.normal(0, std, (block_size, C))}
        for l in range(n_layer):
            p[f"h{l}.ln1_g"] = 1.0 + rng.normal(0, 0.1, C)
            p[f"h{l}.ln1_b"] = rng.normal(0, 0.1, C)
            p[f"h{l}.Wqkv"] = rng.normal(0, std, (C, 3 * C)).T.copy()
            p[f"h{l}.Wo"] = rng.normal(0, std / math.sqrt(2 * n_layer), (C, C)).T.copy()
            p[f"h{l}.bo"] = rng.normal(0, 0.05, C)
            p[f"h{l}.ln2_g"] = 1.0 + rng.normal(0, 0.1, C)
            p[f"h{l}.ln2_b"] = rng.normal(0, 0.1, C)
            p[f"h{l}.W1"] = rng.normal(0, std, (C, 4 * C)).T.copy()
            p[f"h{l}.b1"] = rng.normal(0, 0.05, 4 * C)
            p[f"h{l}.W2"] = rng.normal(0, std / math.sqrt(2 * n_layer), (4 * C, C)).T.copy()
            p[f"h{l}.b2"] = rng.normal(0, 0.05, C)
        p["lnf_g"] = 1.0 + rng.normal(0, 0.1, C)
        p["lnf_b"] = rng.normal(0, 0.1, C)
        p["Wh"] = rng.normal(0, std, (C, vocab_size)).T.copy()
        self.params = p
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0
        self.hp = dict(lr=1e-2, warmup=4, total=20, b1=0.9, b2=0.95, eps=1e-8, wd=0.1, ln_eps=1e-5)

    # ---- pieces
    def ln(self, x, g, b):
        mu = x.mean(-1, keepdims=True)
        var = x.var(-1, keepdims=True)
        inv = (var + self.hp["ln_eps"]) ** -0.5
        return (x - mu) * inv * g + b, (x - mu, var, inv)

    def ln_back(self, dy, g, cache):
        xmu, var, inv = cache
        n = xmu.shape[-1]
        xhat = xmu * inv
        dg = np.einsum("btc,btc->c", dy, xhat)
        db = dy.sum((0, 1))
        dxhat = dy * g
        dvar = (dxhat * xmu).sum(-1, keepdims=True) * -0.5 * inv ** 3
        dmu = -(dxhat * inv).sum(-1, keepdims=True) - 2.0 * dvar * xmu.mean(-1, keepdims=True)
        dx = dxhat * inv + dvar * 2.0 * xmu / n + dmu / n
        return dx, dg, db

    def gelu(self, a):
        return a * sigmoid(2.0 * self.K * (a + self.A * a ** 3))

    def gelu_prime(self, a):
        s = sigmoid(2.0 * self.K * (a + self.A * a ** 3))
        return s + a * 2.0 * s * (1.0 - s) * self.K * (1.0 + 3.0 * self.A * a * a)

    # ---- model
    def run(self, X):
        p = self.params
        B, T = X.shape
        C, nh = self.C, self.nh
        hd = C // nh
        x = p["wte"][X] + p["wpe"][None, :T, :]
        keep = np.tril(np.ones((T, T), dtype=bool))
        tape = []
        for l in range(self.L):
            h, c1 = self.ln(x, p[f"h{l}.ln1_g"], p[f"h{l}.ln1_b"])
            qkv = np.einsum("btc,oc->bto", h, p[f"h{l}.Wqkv"]).reshape(B, T, 3, nh, hd)
            q, k, v = qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]          # (B, T, nh, hd)
            s = np.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(hd)
            s = np.where(keep, s, -np.inf)
            e = np.exp(s - s.max(-1, keepdims=True))
            P = e / e.sum(-1, keepdims=True)
            ctx = np.einsum("bhqk,bkhd->bqhd", P, v).reshape(B, T, C)
            x = x + np.einsum("btc,oc->bto", ctx, p[f"h{l}.Wo"]) + p[f"h{l}.bo"]
            h2, c2 = self.ln(x, p[f"h{l}.ln2_g"], p[f"h{l}.ln2_b"])
            a = np.einsum("btc,fc->btf", h2, p[f"h{l}.W1"]) + p[f"h{l}.b1"]
            u = self.gelu(a)
            x = x + np.einsum("btf,cf->btc", u, p[f"h{l}.W2"]) + p[f"h{l}.b2"]
            tape.append(dict(h=h, c1=c1, q=q, k=k, v=v, P=P, ctx=ctx, h2=h2, c2=c2, a=a, u=u))
        xf, cf = self.ln(x, p["lnf_g"], p["lnf_b"])
        logits = np.einsum("btc,vc->btv", xf, p["Wh"])
        return logits, tape, xf, cf

    def loss(self, X, y):
        logits = self.run(X)[0]
        lse = np.log(np.exp(logits - logits.max(-1, keepdims=True)).sum(-1)) + logits.max(-1)
        picked = np.take_along_axis(logits, y[..., None], -1)[..., 0]
        return (lse - picked).mean()

    def train_step(self, X, y):
        p, gr = self.params, self.grads
        B, T = X.shape
        C, nh = self.C, self.nh
        hd = C // nh
        logits, tape, xf, cf = self.run(X)
        mx = logits.max(-1, keepdims=True)
        e = np.exp(logits - mx)
        Z = e.sum(-1, keepdims=True)
        probs = e / Z
        loss = (np.log(Z[..., 0]) + mx[..., 0] - np.take_along_axis(logits, y[..., None], -1)[..., 0]).mean()

        dl = probs
        dl[np.arange(B)[:, None], np.arange(T)[None, :], y] -= 1.0
        dl /= B * T
        gr["Wh"] = np.einsum("btv,btc->vc", dl, xf)
        dx, gr["lnf_g"], gr["lnf_b"] = self.ln_back(np.einsum("btv,vc->btc", dl, p["Wh"]), p["lnf_g"], cf)
        for l in range(self.L - 1, -1, -1):
            r = tape[l]
            gr[f"h{l}.W2"] = np.einsum("btc,btf->cf", dx, r["u"])
            gr[f"h{l}.b2"] = dx.sum((0, 1))
            da = np.einsum("btc,cf->btf", dx, p[f"h{l}.W2"]) * self.gelu_prime(r["a"])
            gr[f"h{l}.W1"] = np.einsum("btf,btc->fc", da, r["h2"])
            gr[f"h{l}.b1"] = da.sum((0, 1))
            d, gr[f"h{l}.ln2_g"], gr[f"h{l}.ln2_b"] = self.ln_back(
                np.einsum("btf,fc->btc", da, p[f"h{l}.W1"]), p[f"h{l}.ln2_g"], r["c2"])
            dx = dx + d
            gr[f"h{l}.Wo"] = np.einsum("bto,btc->oc", dx, r["ctx"])
            gr[f"h{l}.bo"] = dx.sum((0, 1))
            dctx = np.einsum("bto,oc->btc", dx, p[f"h{l}.Wo"]).reshape(B, T, nh, hd)
            P = r["P"]
            dP = np.einsum("bqhd,bkhd->bhqk", dctx, r["v"])
            dv = np.einsum("bhqk,bqhd->bkhd", P, dctx)
            ds = (P * dP - P * np.einsum("bhqk,bhqk->bhq", P, dP)[..., None]) / math.sqrt(hd)
            dq = np.einsum("bhqk,bkhd->bqhd", ds, r["k"])
            dk = np.einsum("bhqk,bqhd->bkhd", ds, r["q"])
            dqkv = np.stack([dq, dk, dv], axis=2).reshape(B, T, 3 * C)
            gr[f"h{l}.Wqkv"] = np.einsum("bto,btc->oc", dqkv, r["h"])
            d, gr[f"h{l}.ln1_g"], gr[f"h{l}.ln1_b"] = self.ln_back(
                np.einsum("bto,oc->btc", dqkv, p[f"h{l}.Wqkv"]), p[f"h{l}.ln1_g"], r["c1"])
            dx = dx + d
        gr["wte"] = np.zeros_like(p["wte"])
        np.add.at(gr["wte"], X.ravel(), dx.reshape(-1, C))
        gr["wpe"] = np.zeros_like(p["wpe"])
        gr["wpe"][:T] += dx.sum(0)

        # AdamW, bias corrections folded into the step size
        hp = self.hp
        s = self.t
        f = (s + 1) / hp["warmup"] if s < hp["warmup"] else max(0.0, (hp["total"] - s) / (hp["total"] - hp["warmup"]))
        lr = hp["lr"] * f
        self.t += 1
        c2 = math.sqrt(1.0 - hp["b2"] ** self.t)
        step = lr * c2 / (1.0 - hp["b1"] ** self.t)
        for name, w in p.items():
            g = gr[name]
            m, v = self.m[name], self.v[name]
            m *= hp["b1"]
            m += (1.0 - hp["b1"]) * g
            v *= hp["b2"]
            v += (1.0 - hp["b2"]) * np.square(g)
            if w.ndim == 2 and name not in ("wte", "wpe"):
                w *= 1.0 - lr * hp["wd"]
            w -= step * m / (np.sqrt(v) + hp["eps"] * c2)
        return float(loss)
