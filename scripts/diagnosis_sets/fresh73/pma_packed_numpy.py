"""The attention-pooling (PMA) set classifier of pma_numpy.py written another way, in NumPy, with
the attention projections packed as nn.MultiheadAttention keeps them and without their biases.

The query, key and value projections are one (E, 3E) matrix W_in (its column blocks q | k | v),
the output projection W_out; the heads are handled with np.einsum over an explicit head axis; the
padding keys get -inf; each layer normalisation is a small object that keeps its own cache; the
parameters live in one dict under dotted names; Adam keeps (m, v) pairs per parameter.

    X: float (n, 6, 4) elements and presence flag, y: int (n,) class 0..2
"""

import math

import numpy as np

D, E, HEADS, FF, C = 3, 8, 2, 16, 3
DH = E // HEADS
LR, BETAS, EPS = 0.01, (0.9, 0.999), 1e-8


class LayerNorm:
    def __init__(self, p, name, eps=1e-5):
        self.p, self.name, self.eps = p, name, eps
        p[name + ".gamma"] = np.ones(E)
        p[name + ".beta"] = np.zeros(E)

    def __call__(self, z):
        centred = z - z.mean(axis=-1, keepdims=True)
        self.inv = 1.0 / np.sqrt(np.mean(centred * centred, axis=-1, keepdims=True) + self.eps)
        self.xhat = centred * self.inv
        return self.xhat * self.p[self.name + ".gamma"] + self.p[self.name + ".beta"]

    def backward(self, dout, grads):
        grads[self.name + ".gamma"] = np.sum(dout * self.xhat, axis=0)
        grads[self.name + ".beta"] = np.sum(dout, axis=0)
        dxhat = dout * self.p[self.name + ".gamma"]
        return self.inv / E * (E * dxhat - dxhat.sum(axis=-1, keepdims=True)
                               - self.xhat * np.sum(dxhat * self.xhat, axis=-1, keepdims=True))


class SetPoolPacked:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        p = self.p = {}
        p["emb.W"] = rng.uniform(-0.5, 0.5, (D, E))
        p["emb.b"] = rng.uniform(-0.1, 0.1, E)
        p["seed"] = rng.standard_normal((1, E))
        p["attn.W_in"] = rng.uniform(-0.6, 0.6, (E, 3 * E))
        p["attn.W_out"] = rng.uniform(-0.35, 0.35, (E, E))
        self.ln1 = LayerNorm(p, "ln1")
        p["ff.W1"] = rng.uniform(-0.35, 0.35, (E, FF))
        p["ff.b1"] = np.zeros(FF)
        p["ff.W2"] = rng.uniform(-0.25, 0.25, (FF, E))
        p["ff.b2"] = np.zeros(E)
        self.ln2 = LayerNorm(p, "ln2")
        p["head.W"] = rng.uniform(-0.35, 0.35, (E, C))
        p["head.b"] = np.zeros(C)
        self.adam = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in p.items()}
        self.steps = 0

    def train_step(self, X, y):
        p = self.p
        n = X.shape[0]
        x, present = X[..., :D], X[..., D] == 1.0
        pre_e = np.einsum("nsd,de->nse", x, p["emb.W"]) + p["emb.b"]
        h = pre_e * (pre_e > 0)
        Wq, Wkv = p["attn.W_in"][:, :E], p["attn.W_in"][:, E:]
        qh = (p["seed"] @ Wq).reshape(HEADS, DH)
        kv = (h @ Wkv).reshape(n, -1, 2, HEADS, DH)
        k, v = kv[:, :, 0], kv[:, :, 1]                                    # (n, S, H, DH)
        s = np.einsum("hd,nshd->nhs", qh, k) / math.sqrt(DH)
        s = np.where(present[:, None, :], s, -np.inf)
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        w = w / w.sum(axis=-1, keepdims=True)
        o = np.einsum("nhs,nshd->nhd", w, v).reshape(n, E)
        u1 = self.ln1(p["seed"] + o @ p["attn.W_out"])
        pre_f = u1 @ p["ff.W1"] + p["ff.b1"]
        a = np.where(pre_f > 0, pre_f, 0.0)
        u2 = self.ln2(u1 + a @ p["ff.W2"] + p["ff.b2"])
        logits = u2 @ p["head.W"] + p["head.b"]

        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        rows = np.arange(n)
        loss = -np.mean(logp[rows, y])

        g = {}
        dlogits = np.exp(logp)
        dlogits[rows, y] -= 1.0
        dlogits /= n
        g["head.W"] = u2.T @ dlogits
        g["head.b"] = dlogits.sum(axis=0)
        dz2 = self.ln2.backward(dlogits @ p["head.W"].T, g)
        g["ff.W2"] = a.T @ dz2
        g["ff.b2"] = dz2.sum(axis=0)
        dpre_f = np.where(pre_f > 0, dz2 @ p["ff.W2"].T, 0.0)
        g["ff.W1"] = u1.T @ dpre_f
        g["ff.b1"] = dpre_f.sum(axis=0)
        dz1 = self.ln1.backward(dz2 + dpre_f @ p["ff.W1"].T, g)
        g["attn.W_out"] = o.T @ dz1
        do = (dz1 @ p["attn.W_out"].T).reshape(n, HEADS, DH)
        dw = np.einsum("nhd,nshd->nhs", do, v)
        dv = np.einsum("nhs,nhd->nshd", w, do)
        ds = w * (dw - np.sum(dw * w, axis=-1, keepdims=True)) / math.sqrt(DH)
        dqh = np.einsum("nhs,nshd->hd", ds, k)
        dk = np.einsum("nhs,hd->nshd", ds, qh)
        dkv = np.stack([dk, dv], axis=2).reshape(n, -1, 2 * E)
        dq = dqh.reshape(1, E)
        g["attn.W_in"] = np.concatenate([p["seed"].T @ dq, np.einsum("nse,nsf->ef", h, dkv)], axis=1)
        g["seed"] = dz1.sum(axis=0, keepdims=True) + dq @ Wq.T
        dpre_e = (dkv @ Wkv.T) * (pre_e > 0)
        g["emb.W"] = np.einsum("nsd,nse->de", x, dpre_e)
        g["emb.b"] = dpre_e.sum(axis=(0, 1))
        self.grads = g

        self.steps += 1
        b1, b2 = BETAS
        c1, c2 = 1.0 - b1 ** self.steps, 1.0 - b2 ** self.steps
        for name, grad in g.items():
            m, v2 = self.adam[name]
            m *= b1
            m += (1.0 - b1) * grad
            v2 *= b2
            v2 += (1.0 - b2) * grad ** 2
            p[name] -= LR * (m / c1) / (np.sqrt(v2 / c2) + EPS)
        return float(loss)
