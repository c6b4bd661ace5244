"""fresh159 UC12 (planted bug): weight decay added to the gradient (L2 through Adam's moments), not decoupled.

A tiny GPT (decoder-only transformer) written from scratch in NumPy.

Token embedding wte (V, C) + learned positional embedding wpe (T, C); two pre-LayerNorm
blocks, each
    x = x + Attn(LN1(x))      causal multi-head self-attention, fused qkv projection
                              (no bias: a key bias has no gradient)
    x = x + MLP(LN2(x))       C -> 4C, GELU (tanh approximation), 4C -> C
then a final LayerNorm and an output head (no bias) to V logits; cross-entropy averaged
over every position of every window.

AdamW (betas 0.9, 0.95, eps 1e-8), decoupled weight decay 0.1 on the matrices only
(qkv, proj, fc, fc2, head; not the biases, LayerNorm gains/shifts or embeddings);
learning rate: linear warmup over `warmup` updates then linear decay to 0 at `total_steps`.
The t-th update (t = 1, 2, ...) uses lr * f(t - 1) with
    f(s) = (s + 1) / warmup                      for s < warmup
    f(s) = (total_steps - s) / (total_steps - warmup)  otherwise
(torch's LambdaLR with scheduler.step() after optimizer.step()).

All weights are kept (in, out): y = x @ W + b.
"""

import math

import numpy as np


def gelu(a):
    c = math.sqrt(2.0 / math.pi)
    return 0.5 * a * (1.0 + np.tanh(c * (a + 0.044715 * a ** 3)))


def gelu_grad(a):
    c = math.sqrt(2.0 / math.pi)
    t = np.tanh(c * (a + 0.044715 * a ** 3))
    return 0.5 * (1.0 + t) + 0.5 * a * (1.0 - t ** 2) * c * (1.0 + 3 * 0.044715 * a ** 2)


def layernorm(x, g, b, eps):
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc ** 2).mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = xc * rstd
    return xhat * g + b, (xhat, rstd)


def layernorm_backward(dout, g, cache):
    xhat, rstd = cache
    dg = (dout * xhat).sum(axis=(0, 1))
    db = dout.sum(axis=(0, 1))
    dxhat = dout * g
    dx = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                 - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, dg, db


class TinyGPT:
    def __init__(self, vocab_size=16, block_size=8, n_embd=12, n_head=2, n_layer=2,
                 lr=1e-2, warmup=4, total_steps=20, betas=(0.9, 0.95), eps=1e-8,
                 weight_decay=0.1, ln_eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        C = n_embd
        self.V, self.T, self.C, self.nh, self.L = vocab_size, block_size, C, n_head, n_layer
        self.hd = C // n_head
        self.ln_eps = ln_eps
        std = 0.2
        p = {"wte": rng.normal(0, std, (vocab_size, C)),
             "wpe": rng.normal(0, std, (block_size, C))}
        for l in range(n_layer):
            p[f"h{l}.ln1_g"] = 1.0 + rng.normal(0, 0.1, C)
            p[f"h{l}.ln1_b"] = rng.normal(0, 0.1, C)
            p[f"h{l}.Wqkv"] = rng.normal(0, std, (C, 3 * C))
            p[f"h{l}.Wo"] = rng.normal(0, std / math.sqrt(2 * n_layer), (C, C))
            p[f"h{l}.bo"] = rng.normal(0, 0.05, C)
            p[f"h{l}.ln2_g"] = 1.0 + rng.normal(0, 0.1, C)
            p[f"h{l}.ln2_b"] = rng.normal(0, 0.1, C)
            p[f"h{l}.W1"] = rng.normal(0, std, (C, 4 * C))
            p[f"h{l}.b1"] = rng.normal(0, 0.05, 4 * C)
            p[f"h{l}.W2"] = rng.normal(0, std / math.sqrt(2 * n_layer), (4 * C, C))
            p[f"h{l}.b2"] = rng.normal(0, 0.05, C)
        p["lnf_g"] = 1.0 + rng.normal(0, 0.1, C)
        p["lnf_b"] = rng.normal(0, 0.1, C)
        p["Wh"] = rng.normal(0, std, (C, vocab_size))
        self.params = p
        self.decay = {k for k in p if k.split(".")[-1] in ("Wqkv", "Wo", "W1", "W2", "Wh")}
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}

        self.lr, self.warmup, self.total_steps = lr, warmup, total_steps
        self.beta1, self.beta2 = betas
        self.eps, self.weight_decay = eps, weight_decay
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    # ----------------------------------------------------------------- forward
    def _attn_forward(self, h, l):
        p = self.params
        B, T, C = h.shape
        nh, hd = self.nh, self.hd
        qkv = h @ p[f"h{l}.Wqkv"]
        q, k, v = np.split(qkv, 3, axis=-1)
        q = q.reshape(B, T, nh, hd).transpose(0, 2, 1, 3)
        k = k.reshape(B, T, nh, hd).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, nh, hd).transpose(0, 2, 1, 3)
        scale = 1.0 / math.sqrt(hd)
        att = (q @ k.transpose(0, 1, 3, 2)) * scale
        mask = np.tril(np.ones((T, T), dtype=bool))
        att = np.where(mask, att, -np.inf)
        att = att - att.max(axis=-1, keepdims=True)
        P = np.exp(att)
        P = P / P.sum(axis=-1, keepdims=True)
        yh = P @ v
        y = yh.transpose(0, 2, 1, 3).reshape(B, T, C)
        out = y @ p[f"h{l}.Wo"] + p[f"h{l}.bo"]
        return out, (h, q, k, v, P, y)

    def _attn_backward(self, dout, l, cache):
        p, g = self.params, self.grads
        h, q, k, v, P, y = cache
        B, T, C = h.shape
        nh, hd = self.nh, self.hd
        g[f"h{l}.Wo"] = y.reshape(-1, C).T @ dout.reshape(-1, C)
        g[f"h{l}.bo"] = dout.sum(axis=(0, 1))
        dy = dout @ p[f"h{l}.Wo"].T
        dyh = dy.reshape(B, T, nh, hd).transpose(0, 2, 1, 3)
        dP = dyh @ v.transpose(0, 1, 3, 2)
        dv = P.transpose(0, 1, 3, 2) @ dyh
        dS = P * (dP - (P * dP).sum(axis=-1, keepdims=True))
        dS = dS * (1.0 / math.sqrt(hd))
        dq = dS @ k
        dk = dS.transpose(0, 1, 3, 2) @ q
        merge = lambda t: t.transpose(0, 2, 1, 3).reshape(B, T, C)
        dqkv = np.concatenate([merge(dq), merge(dk), merge(dv)], axis=-1)
        g[f"h{l}.Wqkv"] = h.reshape(-1, C).T @ dqkv.reshape(-1, 3 * C)
        return dqkv @ p[f"h{l}.Wqkv"].T

    def _forward(self, X):
        p = self.params
        B, T = X.shape
        x = p["wte"][X] + p["wpe"][:T]
        caches = []
        for l in range(self.L):
            h1, ln1 = layernorm(x, p[f"h{l}.ln1_g"], p[f"h{l}.ln1_b"], self.ln_eps)
            a_out, att = self._attn_forward(h1, l)
            x = x + a_out
            h2, ln2 = layernorm(x, p[f"h{l}.ln2_g"], p[f"h{l}.ln2_b"], self.ln_eps)
            pre = h2 @ p[f"h{l}.W1"] + p[f"h{l}.b1"]
            act = gelu(pre)
            x = x + act @ p[f"h{l}.W2"] + p[f"h{l}.b2"]
            caches.append((ln1, att, ln2, h2, pre, act))
        xf, lnf = layernorm(x, p["lnf_g"], p["lnf_b"], self.ln_eps)
        logits = xf @ p["Wh"]
        return logits, (caches, lnf, xf)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        z = logits - logits.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        B, T = y.shape
        nll = -np.take_along_axis(logp, y[..., None], axis=-1)
        return nll.mean(), np.exp(logp)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ---------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        B, T = X.shape
        C, V = self.C, self.V
        logits, (caches, lnf, xf) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs.copy()
        np.put_along_axis(dlogits, y[..., None],
                          np.take_along_axis(dlogits, y[..., None], axis=-1) - 1.0, axis=-1)
        dlogits /= B * T

        g["Wh"] = xf.reshape(-1, C).T @ dlogits.reshape(-1, V)
        dxf = dlogits @ p["Wh"].T
        dx, g["lnf_g"], g["lnf_b"] = layernorm_backward(dxf, p["lnf_g"], lnf)

        for l in reversed(range(self.L)):
            ln1, att, ln2, h2, pre, act = caches[l]
            # MLP branch
            g[f"h{l}.W2"] = act.reshape(-1, 4 * C).T @ dx.reshape(-1, C)
            g[f"h{l}.b2"] = dx.sum(axis=(0, 1))
            dpre = (dx @ p[f"h{l}.W2"].T) * gelu_grad(pre)
            g[f"h{l}.W1"] = h2.reshape(-1, C).T @ dpre.reshape(-1, 4 * C)
            g[f"h{l}.b1"] = dpre.sum(axis=(0, 1))
            dh2 = dpre @ p[f"h{l}.W1"].T
            d, g[f"h{l}.ln2_g"], g[f"h{l}.ln2_b"] = layernorm_backward(dh2, p[f"h{l}.ln2_g"], ln2)
            dx = dx + d
            # attention branch
            dh1 = self._attn_backward(dx, l, att)
            d, g[f"h{l}.ln1_g"], g[f"h{l}.ln1_b"] = layernorm_backward(dh1, p[f"h{l}.ln1_g"], ln1)
            dx = dx + d

        dwte = np.zeros_like(p["wte"])
        np.add.at(dwte, X, dx)
        g["wte"] = dwte
        dwpe = np.zeros_like(p["wpe"])
        dwpe[:T] = dx.sum(axis=0)
        g["wpe"] = dwpe
        return loss

    # --------------------------------------------------------------- optimizer
    def lr_factor(self, s):
        if s < self.warmup:
            return (s + 1) / self.warmup
        return max(0.0, (self.total_steps - s) / (self.total_steps - self.warmup))

    def update(self):
        lr = self.lr * self.lr_factor(self.t)
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, w in self.params.items():
            gk = self.grads[k]
            if k in self.decay:
                gk = gk + self.weight_decay * w
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * gk
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * gk * gk
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
