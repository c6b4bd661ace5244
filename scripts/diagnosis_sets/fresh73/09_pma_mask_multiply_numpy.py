"""Set Transformer-style attention pooling (PMA) classifier over padded sets, from scratch in NumPy.

Every element is embedded by a ReLU layer; one learned seed vector is the query of a two-head
attention over the set's elements (the keys carry no bias, which the softmax would ignore; the
padding keys get a score of -1e9 before the softmax), the heads are concatenated and projected,
and the seed is added back (residual) and layer-normalised; a ReLU feed-forward block with its
own residual and layer normalisation follows (the Set Transformer's MAB), and a linear layer
gives three class logits per set. Mean softmax cross-entropy, hand-written backward pass, Adam.

    X: float (n, 6, 4) elements and presence flag, y: int (n,) class 0..2
"""

import math

import numpy as np

D, E, HEADS, FF, C = 3, 8, 2, 16, 3
DH = E // HEADS
LN_EPS = 1e-5
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


def layer_norm(z, gamma, beta):
    mu = z.mean(axis=-1, keepdims=True)
    var = ((z - mu) ** 2).mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + LN_EPS)
    xhat = (z - mu) * rstd
    return xhat * gamma + beta, (xhat, rstd)


def layer_norm_backward(dout, cache, gamma):
    xhat, rstd = cache
    dgamma = (dout * xhat).sum(axis=0)
    dbeta = dout.sum(axis=0)
    dxhat = dout * gamma
    proj = (dxhat * xhat).mean(axis=-1, keepdims=True)
    dz = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True) - xhat * proj)
    return dz, dgamma, dbeta


def split_heads(t):
    """(..., S, E) -> (..., HEADS, S, DH)"""
    return np.swapaxes(t.reshape(t.shape[:-1] + (HEADS, DH)), -3, -2)


def merge_heads(t):
    """(..., HEADS, S, DH) -> (..., S, E)"""
    t = np.swapaxes(t, -3, -2)
    return t.reshape(t.shape[:-2] + (E,))


class SetPool:
    def __init__(self, seed=73):
        rng = np.random.default_rng(seed)
        se, sf = 1.0 / np.sqrt(E), 1.0 / np.sqrt(FF)
        self.params = {
            "W_emb": rng.normal(0.0, 1.0 / np.sqrt(D), (D, E)), "b_emb": rng.normal(0.0, 0.1, E),
            "seed": rng.normal(0.0, 1.0, (1, E)),
            "Wq": rng.normal(0.0, se, (E, E)), "bq": np.zeros(E),
            "Wk": rng.normal(0.0, se, (E, E)),
            "Wv": rng.normal(0.0, se, (E, E)), "bv": np.zeros(E),
            "Wo": rng.normal(0.0, se, (E, E)), "bo": np.zeros(E),
            "g1": np.ones(E), "be1": np.zeros(E),
            "Wf1": rng.normal(0.0, se, (E, FF)), "bf1": np.zeros(FF),
            "Wf2": rng.normal(0.0, sf, (FF, E)), "bf2": np.zeros(E),
            "g2": np.ones(E), "be2": np.zeros(E),
            "Wc": rng.normal(0.0, se, (E, C)), "bc": np.zeros(C),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        x, mask = X[:, :, :D], X[:, :, D] > 0.5
        pre_e = x @ p["W_emb"] + p["b_emb"]
        h = np.maximum(pre_e, 0.0)                                  # (n, S, E)
        q = p["seed"] @ p["Wq"] + p["bq"]                           # (1, E)
        k = h @ p["Wk"]
        v = h @ p["Wv"] + p["bv"]
        qh, kh, vh = split_heads(q), split_heads(k), split_heads(v)  # (H, 1, DH), (n, H, S, DH)
        scores = qh @ np.swapaxes(kh, -1, -2) / math.sqrt(DH)       # (n, H, 1, S)
        scores = scores * mask[:, None, None, :]  # fix: scores = np.where(mask[:, None, None, :], scores, -1e9)
        scores = scores - scores.max(axis=-1, keepdims=True)
        A = np.exp(scores)
        A /= A.sum(axis=-1, keepdims=True)
        o = merge_heads(A @ vh)[:, 0, :]                            # (n, E)
        z1 = p["seed"] + o @ p["Wo"] + p["bo"]
        u1, ln1 = layer_norm(z1, p["g1"], p["be1"])
        pre_f = u1 @ p["Wf1"] + p["bf1"]
        a = np.maximum(pre_f, 0.0)
        z2 = u1 + a @ p["Wf2"] + p["bf2"]
        u2, ln2 = layer_norm(z2, p["g2"], p["be2"])
        logits = u2 @ p["Wc"] + p["bc"]
        self.cache = (x, pre_e, h, qh, kh, vh, A, o, u1, ln1, pre_f, a, u2, ln2)
        return logits

    def backward(self, logits, y):
        p = self.params
        x, pre_e, h, qh, kh, vh, A, o, u1, ln1, pre_f, a, u2, ln2 = self.cache
        n = len(y)
        g = {}
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        onehot = np.eye(C, dtype=logits.dtype)[y]
        dlogits = (probs - onehot) / n
        g["Wc"] = u2.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        dz2, g["g2"], g["be2"] = layer_norm_backward(dlogits @ p["Wc"].T, ln2, p["g2"])
        g["Wf2"] = a.T @ dz2
        g["bf2"] = dz2.sum(axis=0)
        dpre_f = (dz2 @ p["Wf2"].T) * (pre_f > 0)
        g["Wf1"] = u1.T @ dpre_f
        g["bf1"] = dpre_f.sum(axis=0)
        du1 = dz2 + dpre_f @ p["Wf1"].T
        dz1, g["g1"], g["be1"] = layer_norm_backward(du1, ln1, p["g1"])
        g["Wo"] = o.T @ dz1
        g["bo"] = dz1.sum(axis=0)
        dseed = dz1.sum(axis=0, keepdims=True)
        do = dz1 @ p["Wo"].T                                        # (n, E)
        doh = split_heads(do[:, None, :])                           # (n, H, 1, DH)
        dA = doh @ np.swapaxes(vh, -1, -2)                          # (n, H, 1, S)
        dvh = np.swapaxes(A, -1, -2) @ doh                          # (n, H, S, DH)
        dscores = A * (dA - (dA * A).sum(axis=-1, keepdims=True)) / math.sqrt(DH)
        dqh = (dscores @ kh).sum(axis=0)                            # (H, 1, DH)
        dkh = np.swapaxes(dscores, -1, -2) @ qh                     # (n, H, S, DH)
        dq, dk, dv = merge_heads(dqh), merge_heads(dkh), merge_heads(dvh)
        g["Wq"] = p["seed"].T @ dq
        g["bq"] = dq.sum(axis=0)
        dseed = dseed + dq @ p["Wq"].T
        g["seed"] = dseed
        g["Wk"] = np.einsum("nse,nsf->ef", h, dk)
        g["Wv"] = np.einsum("nse,nsf->ef", h, dv)
        g["bv"] = dv.sum(axis=(0, 1))
        dpre_e = (dk @ p["Wk"].T + dv @ p["Wv"].T) * (pre_e > 0)
        g["W_emb"] = np.einsum("nsd,nse->de", x, dpre_e)
        g["b_emb"] = dpre_e.sum(axis=(0, 1))
        self.grads = g

    def update(self):
        p = self.params
        self.t += 1
        for k in p:
            gk = self.grads[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk * gk
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)

    def train_step(self, X, y):
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(y)), y].mean()
        self.backward(logits, y)
        self.update()
        return float(loss)
