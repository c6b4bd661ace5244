"""The token attention classifier in NumPy written another way: every parameter an attribute of
its own (E, P, W_q, W_k, W_v, W_o, b_o, gamma, shift, W_cls, b_cls), np.einsum for every product,
the padding mask added to the scores as a bias of -1e9, the softmax through a log-sum-exp, the
layer-norm backward in its (D dxhat - sum dxhat - xhat sum(dxhat xhat)) / D form, the
cross-entropy against one-hot targets, the global gradient norm from np.linalg.norm of all the
gradients concatenated, the learning rates of the warmup-then-decay schedule listed up front, and
AdamW written with m_hat and v_hat, the decay taken from the weights before the step.

    X: int64 (n, 6) token ids, 0 = padding; y: int64 (n,) class in 0..2
"""

import math

import numpy as np

VOCAB, T, D, K = 12, 6, 8, 3
LR, WD, MAX_NORM = 0.01, 0.01, 0.5
WARMUP, TOTAL = 2, 24
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
LN_EPS = 1e-5
NAMES = ("E", "P", "W_q", "W_k", "W_v", "W_o", "b_o", "gamma", "shift", "W_cls", "b_cls")


class TokenAttentionAlt:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        s = D ** -0.5
        self.E = 0.5 * rng.standard_normal((VOCAB, D))
        self.P = 0.1 * rng.standard_normal((T, D))
        self.W_q, self.W_k, self.W_v, self.W_o = (s * rng.standard_normal((D, D)) for _ in range(4))
        self.b_o = np.zeros(D)
        self.gamma, self.shift = np.ones(D), np.zeros(D)
        self.W_cls, self.b_cls = s * rng.standard_normal((D, K)), np.zeros(K)
        self.m = {name: np.zeros_like(getattr(self, name)) for name in NAMES}
        self.v = {name: np.zeros_like(getattr(self, name)) for name in NAMES}
        self.schedule = [LR * min((i + 1) / WARMUP, max(0.0, (TOTAL - i) / (TOTAL - WARMUP)))
                         for i in range(TOTAL)]
        self.steps_done = 0

    def _forward(self, X):
        x0 = self.E[X] + self.P
        real = (X != 0).astype(x0.dtype)
        bias = (real[:, None, :] - 1.0) * 1e9
        q = np.einsum("ntd,de->nte", x0, self.W_q)
        k = np.einsum("ntd,de->nte", x0, self.W_k)
        v = np.einsum("ntd,de->nte", x0, self.W_v)
        scores = np.einsum("nid,njd->nij", q, k) / math.sqrt(D) + bias
        lse = scores.max(-1, keepdims=True)
        lse = lse + np.log(np.exp(scores - lse).sum(-1, keepdims=True))
        attn = np.exp(scores - lse)
        ctx = np.einsum("nij,njd->nid", attn, v)
        r = x0 + np.einsum("ntd,de->nte", ctx, self.W_o) + self.b_o
        centred = r - r.mean(-1, keepdims=True)
        rstd = (np.mean(centred * centred, -1, keepdims=True) + LN_EPS) ** -0.5
        xhat = centred * rstd
        h = self.gamma * xhat + self.shift
        weights = real / real.sum(1, keepdims=True)
        pooled = np.einsum("ntd,nt->nd", h, weights)
        logits = np.einsum("nd,dk->nk", pooled, self.W_cls) + self.b_cls
        return logits, (x0, q, k, v, attn, ctx, xhat, rstd, weights, pooled)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        onehot = np.eye(K, dtype=logits.dtype)[y]
        return float(-(onehot * logp).sum(1).mean())

    def train_step(self, X, y):
        logits, (x0, q, k, v, attn, ctx, xhat, rstd, weights, pooled) = self._forward(X)
        n = len(X)
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        onehot = np.eye(K, dtype=logits.dtype)[y]
        loss = -(onehot * logp).sum(1).mean()
        dlogits = (np.exp(logp) - onehot) / n
        g = {"W_cls": np.einsum("nd,nk->dk", pooled, dlogits), "b_cls": dlogits.sum(0)}
        dh = np.einsum("nd,nt->ntd", np.einsum("nk,dk->nd", dlogits, self.W_cls), weights)
        g["gamma"] = np.einsum("ntd,ntd->d", dh, xhat)
        g["shift"] = dh.sum((0, 1))
        dxh = dh * self.gamma
        dr = rstd / D * (D * dxh - dxh.sum(-1, keepdims=True) - xhat * (dxh * xhat).sum(-1, keepdims=True))
        g["W_o"] = np.einsum("ntd,nte->de", ctx, dr)
        g["b_o"] = dr.sum((0, 1))
        dctx = np.einsum("nte,de->ntd", dr, self.W_o)
        dattn = np.einsum("nid,njd->nij", dctx, v)
        dv = np.einsum("nij,nid->njd", attn, dctx)
        dscores = attn * (dattn - np.einsum("nij,nij->ni", dattn, attn)[:, :, None]) / math.sqrt(D)
        dq = np.einsum("nij,njd->nid", dscores, k)
        dk = np.einsum("nij,nid->njd", dscores, q)
        g["W_q"] = np.einsum("ntd,nte->de", x0, dq)
        g["W_k"] = np.einsum("ntd,nte->de", x0, dk)
        g["W_v"] = np.einsum("ntd,nte->de", x0, dv)
        dx0 = dr + np.einsum("nte,de->ntd", dq, self.W_q) + np.einsum("nte,de->ntd", dk, self.W_k) \
            + np.einsum("nte,de->ntd", dv, self.W_v)
        g["P"] = dx0.sum(0)
        g["E"] = np.zeros_like(self.E)
        np.add.at(g["E"], X.ravel(), dx0.reshape(-1, D))

        norm = float(np.linalg.norm(np.concatenate([g[name].ravel() for name in NAMES]).astype(np.float64)))
        factor = min(1.0, MAX_NORM / (norm + 1e-6))
        g = {name: gk * factor for name, gk in g.items()}
        self.grads = g

        lr = self.schedule[self.steps_done]
        self.steps_done += 1
        t = self.steps_done
        for name in NAMES:
            w = getattr(self, name)
            self.m[name] = BETA1 * self.m[name] + (1 - BETA1) * g[name]
            self.v[name] = BETA2 * self.v[name] + (1 - BETA2) * g[name] ** 2
            m_hat = self.m[name] / (1 - BETA1 ** t)
            v_hat = self.v[name] / (1 - BETA2 ** t)
            w -= lr * WD * w + lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
