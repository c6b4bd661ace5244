"""CBOW (continuous bag of words) in NumPy, over integer token ids with padding.

The context of a centre word is the two words before and the two after it; past a sentence's edge
the slot holds the padding id PAD = 0, which is left out: the hidden vector is the mean of the
embeddings of the real (non-PAD) context words only, h = sum_j m_j E[x_j] / sum_j m_j. Logits
h W + b over the vocabulary of 24 words, softmax cross-entropy averaged over the batch. The
gradients are clipped to a global L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_) and the
update is AdamW: decoupled weight decay p *= 1 - lr * WD, then Adam with bias-corrected moments.

    X: int64 (n, 4) context ids (0 = PAD), y: int64 (n,) centre word ids
"""

import math

import numpy as np

VOCAB, DIM, PAD = 24, 10, 0
LR, WD, MAX_NORM = 0.05, 0.05, 0.4
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class CBOW:
    def __init__(self, seed=78):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 0.5, (VOCAB, DIM)),
            "W": rng.normal(0.0, 1.0 / math.sqrt(DIM), (DIM, VOCAB)),
            "b": np.zeros(VOCAB),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        mask = (X != PAD).astype(p["E"].dtype)           # (n, 4)
        count = mask.sum(axis=1, keepdims=True)          # (n, 1)
        h = (p["E"][X] * mask[:, :, None]).sum(axis=1) / count
        logits = h @ p["W"] + p["b"]
        return logits, h, mask, count

    @staticmethod
    def cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X)[0], y)[0]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        logits, h, mask, count = self.forward(X)
        loss, probs = self.cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g = {"W": h.T @ dlogits, "b": dlogits.sum(axis=0)}
        dh = dlogits @ p["W"].T                          # (n, DIM)
        demb = (dh / count)[:, None, :] * mask[:, :, None]
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, demb)

        total = math.sqrt(sum(float(np.sum(gk ** 2)) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k in p:
            p[k] *= 1.0 - WD  # fix: p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            p[k] -= LR * (self.m[k] / bc1) / (np.sqrt(self.v[k] / bc2) + EPS)
        return float(loss)
