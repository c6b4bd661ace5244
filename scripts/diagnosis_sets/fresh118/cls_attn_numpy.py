"""An attention classifier with a CLS position over sets of events, from scratch in NumPy.

Each row of X holds four events of five features, stored flat. A learned CLS vector is put in
front of the events and a learned position table P (five positions) is added. One head of
scaled dot-product self-attention without a mask (Q, K, V without bias, no output projection) is
added to its input and layer-normalised after the sum (post-norm, gain g and bias beta). The CLS
position (index 0) is read by a linear unit into a logit; the loss is the binary cross-entropy on
the logit averaged over the rows. Backward by hand through the readout, the layer norm, the
softmax attention and the CLS concatenation. SGD with heavy-ball momentum 0.9 and L2 weight decay
added to the gradient (as torch.optim.SGD(weight_decay=...)), the learning rate annealed along a
cosine from LR to LR_MIN over TOTAL updates.

    X: float (n, 20), event-major (columns 5e..5e+4 are event e); y: float (n,) 0/1
"""

import math

import numpy as np

T, D = 4, 5
LR, LR_MIN, TOTAL = 0.05, 0.005, 20
MOMENTUM, WD = 0.9, 0.01
LN_EPS = 1e-5


def cosine_lr(step):
    """Learning rate of the update made after `step` earlier updates."""
    return LR_MIN + (LR - LR_MIN) * (1.0 + math.cos(math.pi * step / TOTAL)) / 2.0


class ClsAttention:
    def __init__(self, seed=118):
        rng = np.random.default_rng(seed)
        s = 1.0 / math.sqrt(D)
        self.params = {
            "cls": rng.normal(0.0, 0.5, D),
            "P": rng.normal(0.0, 0.1, (T + 1, D)),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "g": np.ones(D),
            "beta": np.zeros(D),
            "Wc": rng.normal(0.0, s, (D, 1)),
            "bc": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = X.shape[0]
        ev = X.reshape(n, T, D)
        seq = np.concatenate([np.broadcast_to(p["cls"], (n, 1, D)), ev], axis=1) + p["P"]
        q, k, v = seq @ p["Wq"], seq @ p["Wk"], seq @ p["Wv"]
        scale = 1.0 / math.sqrt(D)
        s = (q @ k.transpose(0, 2, 1)) * scale
        s = s - s.max(axis=-1, keepdims=True)
        a = np.exp(s)
        a = a / a.sum(axis=-1, keepdims=True)
        r = seq + a @ v
        mu = r.mean(axis=-1, keepdims=True)
        var = ((r - mu) ** 2).mean(axis=-1, keepdims=True)
        inv = 1.0 / np.sqrt(var + LN_EPS)
        xhat = (r - mu) * inv
        h = xhat * p["g"] + p["beta"]
        first = h[:, 0, :]
        logit = (first @ p["Wc"] + p["bc"])[:, 0]
        self.cache = dict(n=n, seq=seq, q=q, k=k, v=v, a=a, inv=inv, xhat=xhat, first=first,
                          scale=scale)
        return logit

    @staticmethod
    def bce(z, y):
        return (np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))).mean()

    def loss(self, X, y):
        return float(self.bce(self.forward(X), y))

    def backward(self, X, y):
        p = self.params
        z = self.forward(X)
        c = self.cache
        n = c["n"]
        loss = self.bce(z, y)
        g = {}
        dz = (1.0 / (1.0 + np.exp(-z)) - y) / n
        g["Wc"] = c["first"].T @ dz[:, None]
        g["bc"] = dz.sum(keepdims=True)
        dh = np.zeros((n, T + 1, D), dtype=z.dtype)
        dh[:, 0, :] = dz[:, None] * p["Wc"][:, 0]
        xhat = c["xhat"]
        g["g"] = (dh * xhat).sum(axis=(0, 1))
        g["beta"] = dh.sum(axis=(0, 1))
        dxhat = dh * p["g"]
        dr = c["inv"] * (dxhat - dxhat.mean(axis=-1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
        a, q, k, v = c["a"], c["q"], c["k"], c["v"]
        da = dr @ v.transpose(0, 2, 1)
        dv = a.transpose(0, 2, 1) @ dr
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True))
        ds = ds * c["scale"]
        dq = ds @ k
        dk = ds.transpose(0, 2, 1) @ q
        sf = c["seq"].reshape(-1, D)
        g["Wq"] = sf.T @ dq.reshape(-1, D)
        g["Wk"] = sf.T @ dk.reshape(-1, D)
        g["Wv"] = sf.T @ dv.reshape(-1, D)
        dseq = dr + dq @ p["Wq"].T + dk @ p["Wk"].T + dv @ p["Wv"].T
        g["P"] = dseq.sum(axis=0)
        g["cls"] = dseq[:, 0, :].sum(axis=0)
        return float(loss), g

    def train_step(self, X, y):
        loss, g = self.backward(X, y)
        self.grads = g
        lr = cosine_lr(self.t)
        self.t += 1
        for k, w in self.params.items():
            d_p = g[k] + WD * w
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            w -= lr * self.velocity[k]
        return loss
