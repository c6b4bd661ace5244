"""A depthwise-separable 1-D convolutional classifier, from scratch in NumPy.

    X (N, 4, 16) -> depthwise conv, kernel 5, padding 2, one filter per channel (bias)
                 -> pointwise 1x1 conv 4 -> 8 (bias)
                 -> GroupNorm, 2 groups of 4 channels, eps 1e-5, affine gamma / beta
                 -> ReLU -> global average pooling over time -> dense 8 -> 3
                 -> softmax cross-entropy, mean over the batch.
    Adam, lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.

Parameters (self.params):
    dw (C, k) = (4, 5)        depthwise kernels, one row per channel   (torch: dw.weight (4, 1, 5))
    db (4,)                   depthwise bias
    pw (out, in) = (8, 4)     pointwise kernel                         (torch: pw.weight (8, 4, 1))
    pb (8,)                   pointwise bias
    gamma, beta (8,)          group-norm affine
    W (in, out) = (8, 3)      dense weight                             (torch: fc.weight.T)
    b (3,)                    dense bias
"""

import numpy as np


class DSConvNet:
    def __init__(self, channels=4, width=8, classes=3, kernel=5, groups=2, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.k = kernel
        self.pad = kernel // 2
        self.groups = groups
        self.eps = 1e-5
        self.params = {
            "dw": rng.standard_normal((channels, kernel)) * np.sqrt(1.0 / kernel),
            "db": rng.standard_normal(channels) * 0.1,
            "pw": rng.standard_normal((width, channels)) * np.sqrt(2.0 / channels),
            "pb": rng.standard_normal(width) * 0.1,
            "gamma": np.ones(width),
            "beta": np.zeros(width),
            "W": rng.standard_normal((width, classes)) / np.sqrt(width),
            "b": np.zeros(classes),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr, self.beta1, self.beta2, self.adam_eps = lr, 0.9, 0.999, 1e-8
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        N, C, T = X.shape
        xp = np.pad(X, ((0, 0), (0, 0), (self.pad, self.pad)))
        h = np.zeros((N, C, T), dtype=X.dtype)
        for j in range(self.k):
            h += p["dw"][:, j][None, :, None] * xp[:, :, j:j + T]
        h += p["db"][None, :, None]

        z = np.einsum("oc,nct->not", p["pw"], h) + p["pb"][None, :, None]

        Co = z.shape[1]
        zg = z.reshape(N, self.groups, -1)
        mu = zg.mean(axis=2, keepdims=True)
        var = zg.var(axis=2, keepdims=True)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = ((zg - mu) * inv_std).reshape(N, Co, T)
        gn = p["gamma"][None, :, None] * xhat + p["beta"][None, :, None]

        a = np.maximum(gn, 0)
        pooled = a.mean(axis=2)
        logits = pooled @ p["W"] + p["b"]
        self.cache = (xp, h, z, xhat, inv_std, gn, pooled)
        return logits

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(len(y)), y]).mean()
        return loss, probs

    def loss(self, X, y):
        return self._softmax_ce(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        logits = self.forward(X)
        loss, probs = self._softmax_ce(logits, y)
        xp, h, z, xhat, inv_std, gn, pooled = self.cache
        N, C, T = X.shape
        Co = z.shape[1]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["W"] = pooled.T @ dlogits
        g["b"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["W"].T

        da = np.repeat(dpooled[:, :, None] / T, T, axis=2)
        dgn = da * (xhat > 0)

        g["gamma"] = (dgn * xhat).sum(axis=(0, 2))
        g["beta"] = dgn.sum(axis=(0, 2))
        dxhat = (dgn * p["gamma"][None, :, None]).reshape(N, self.groups, -1)
        xg = xhat.reshape(N, self.groups, -1)
        dz = inv_std * (dxhat - dxhat.mean(axis=2, keepdims=True)
                        - xg * (dxhat * xg).mean(axis=2, keepdims=True))
        dz = dz.reshape(N, Co, T)

        g["pw"] = np.einsum("not,nct->oc", dz, h)
        g["pb"] = dz.sum(axis=(0, 2))
        dh = np.einsum("oc,not->nct", p["pw"], dz)

        ddw = np.zeros_like(p["dw"])
        for j in range(self.k):
            ddw[:, j] = (dh * xp[:, :, j:j + T]).sum(axis=(0, 2))
        g["dw"] = ddw
        g["db"] = dh.sum(axis=(0, 2))
        return loss

    # ---------------------------------------------------------------- optimizer
    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for name, param in self.params.items():
            grad = self.grads[name]
            self.m[name] = b1 * self.m[name] + (1 - b1) * grad
            self.v[name] = b2 * self.v[name] + (1 - b2) * grad * grad
            m_hat = self.m[name] / (1 - b1 ** self.t)
            v_hat = self.v[name] / (1 - b2 ** self.t)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.adam_eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
