"""Character CNN with two convolution widths (2 and 4), written by hand in NumPy.

token ids -> embedding lookup (row 0 is the padding character: kept at zero, never updated)
-> for each width k in (2, 4): 1-D convolution (valid, 6 filters, bias) -> ReLU -> max over time
-> concatenate [width 2, width 4] (12 features) -> dense 12 -> 4 -> softmax cross-entropy (mean).
SGD lr 0.1, momentum 0.9, coupled weight decay 1e-3 (as torch.optim.SGD: g + wd p into the velocity).

Parameters (self.params), torch layouts:
    emb (vocab, emb_dim); w2 (filters, emb_dim, 2), b2 (filters,); w4 (filters, emb_dim, 4),
    b4 (filters,); W (classes, 2*filters), b (classes,)
Optimizer state: self.velocity.
"""

import os

import numpy as np


def windows(x, k):
    """(N, L, D) -> (N, T, D, k) with T = L - k + 1, windows[:, t, :, j] = x[:, t + j, :]."""
    T = x.shape[1] - k + 1
    return np.stack([x[:, j:j + T, :] for j in range(k)], axis=-1)


class MultiWidthCNN:
    def __init__(self, vocab=24, emb_dim=8, widths=(2, 4), filters=6, classes=4,
                 lr=0.1, momentum=0.9, weight_decay=1e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.widths = widths
        p = {"emb": rng.standard_normal((vocab, emb_dim))}
        p["emb"][0] = 0.0                                   # padding row
        for k in widths:
            p[f"w{k}"] = rng.uniform(-1, 1, (filters, emb_dim, k)) / np.sqrt(emb_dim * k)
            p[f"b{k}"] = rng.uniform(-1, 1, filters) / np.sqrt(emb_dim * k)
        fan = filters * len(widths)
        p["W"] = rng.uniform(-1, 1, (classes, fan)) / np.sqrt(fan)
        p["b"] = rng.uniform(-1, 1, classes) / np.sqrt(fan)
        self.params = p
        self.grads = {}
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(v) for k, v in p.items()}

    def forward(self, X):
        p = self.params
        x = p["emb"][X]                                     # (N, L, D)
        feats, caches = [], []
        for k in self.widths:
            win = windows(x, k)                             # (N, T, D, k)
            h = np.einsum("ntdk,fdk->ntf", win, p[f"w{k}"]) + p[f"b{k}"]
            a = np.maximum(h, 0)
            idx = a.argmax(axis=1)                          # (N, F)
            feats.append(np.take_along_axis(a, idx[:, None, :], axis=1)[:, 0, :])
            caches.append((win, h, idx))
        feat = np.concatenate(feats, axis=1)                # (N, 2F)
        self.cache = (X, x, feat, caches)
        return feat @ p["W"].T + p["b"]

    @staticmethod
    def cross_entropy(logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        return -np.log(probs[np.arange(len(y)), y]).mean(), probs

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X), y)[0]

    def backward(self, y, probs):
        p, g = self.params, self.grads
        X, x, feat, caches = self.cache
        N = len(y)
        onehot = np.eye(probs.shape[1], dtype=probs.dtype)[y]
        dlogits = (probs - onehot) / N
        g["W"] = dlogits.T @ feat
        g["b"] = dlogits.sum(axis=0)
        dfeat = dlogits @ p["W"]                            # (N, 2F)
        dx = np.zeros_like(x)
        F_ = p["b2"].shape[0]
        for i, (k, (win, h, idx)) in enumerate(zip(self.widths, caches)):
            dpool = dfeat[:, i * F_:(i + 1) * F_]
            da = np.zeros_like(h)
            np.put_along_axis(da, idx[:, None, :], dpool[:, None, :], axis=1)
            dh = da * (h > 0)
            g[f"w{k}"] = np.einsum("ntdk,ntf->fdk", win, dh)
            g[f"b{k}"] = dh.sum(axis=(0, 1))
            dwin = np.einsum("ntf,fdk->ntdk", dh, p[f"w{k}"])
            T = h.shape[1]
            for j in range(k):
                dx[:, j:j + T, :] += dwin[..., j]
        demb = np.zeros_like(p["emb"])
        np.add.at(demb, X, dx)
        demb[0] = 0.0                                       # padding_idx: no gradient
        g["emb"] = demb

    def sgd(self):
        for k, w in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            w -= self.lr * (self.velocity[k] + self.weight_decay * w)

    def train_step(self, X, y):
        loss, probs = self.cross_entropy(self.forward(X), y)
        self.backward(y, probs)
        self.sgd()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "multi.npz"))
    net = MultiWidthCNN()
    for s in range(100):
        l = net.train_step(d["X"], d["y"])
        if s % 20 == 0:
            print(s, l)
