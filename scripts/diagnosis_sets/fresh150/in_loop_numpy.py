"""A tiny CNN with a hand-written InstanceNorm (affine), from scratch in NumPy (variant:
the convolution by a loop over the kernel offsets, the kernel kept as (kh, kw, cin, cout),
the dense weight kept as (out, in)).

    z    = conv3x3(X, K) + bK        padding 1, stride 1                                 (N, 6, 5, 5)
    zn   = gamma * (z - mu) / sqrt(var + eps) + beta
           mu, var per sample and per channel, over height and width (biased variance)
    a    = relu(zn)
    h    = a.mean over height and width                                                 (N, 6)
    out  = h @ W.T + b                                                                  (N, 3)
    loss = softmax cross-entropy, mean over the batch

SGD with momentum 0.9 and weight decay 5e-3 as torch.optim.SGD applies them (lr 0.05).

    X: float (N, 3, 5, 5), y: int64 (N,) in {0, 1, 2}.

Parameters (self.params): K (3, 3, 3, 6) as (kh, kw, cin, cout), bK (6,), gamma (6,),
beta (6,), W (3, 6) as (out, in), b (3,). Velocity in self.velocity.
"""

import numpy as np


class INLoopNet:
    def __init__(self, cin=3, cout=6, k=3, classes=3, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.k = k
        self.params = {
            "K": rng.standard_normal((k, k, cin, cout)) * np.sqrt(2.0 / (k * k * cin)),
            "bK": 0.1 * rng.standard_normal(cout),
            "gamma": 1.0 + 0.1 * rng.standard_normal(cout),
            "beta": 0.1 * rng.standard_normal(cout),
            "W": rng.standard_normal((classes, cout)) / np.sqrt(cout),
            "b": np.zeros(classes),
        }
        for name in self.params:
            self.params[name] = self.params[name].astype(np.float32)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.eps = eps

    def _forward(self, X):
        p = self.params
        N, C, H, Wd = X.shape
        k = self.k
        pad = k // 2
        Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        z = np.zeros((N, p["K"].shape[3], H, Wd), dtype=X.dtype)
        for i in range(k):
            for j in range(k):
                z += np.einsum("nchw,co->nohw", Xp[:, :, i:i + H, j:j + Wd], p["K"][i, j])
        z += p["bK"][None, :, None, None]
        mu = z.mean(axis=(2, 3), keepdims=True)
        zc = z - mu
        var = (zc ** 2).mean(axis=(2, 3), keepdims=True)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = zc * inv_std
        zn = p["gamma"][None, :, None, None] * xhat + p["beta"][None, :, None, None]
        a = np.maximum(zn, 0)
        h = a.mean(axis=(2, 3))
        logits = h @ p["W"].T + p["b"]
        return logits, (Xp, xhat, inv_std, zn, h)

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        logits, (Xp, xhat, inv_std, zn, h) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N, cout, H, Wd = zn.shape

        onehot = np.zeros_like(probs)
        onehot[np.arange(N), y] = 1
        dlogits = (probs - onehot) / N
        self.grads["W"] = dlogits.T @ h
        self.grads["b"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W"]
        dzn = (dh[:, :, None, None] / (H * Wd)) * (zn > 0)

        self.grads["gamma"] = (dzn * xhat).sum(axis=(0, 2, 3))
        self.grads["beta"] = dzn.sum(axis=(0, 2, 3))
        dxhat = dzn * p["gamma"][None, :, None, None]
        dz = inv_std * (dxhat
                        - dxhat.mean(axis=(2, 3), keepdims=True)
                        - xhat * (dxhat * xhat).mean(axis=(2, 3), keepdims=True))

        self.grads["bK"] = dz.sum(axis=(0, 2, 3))
        dK = np.zeros_like(p["K"])
        for i in range(self.k):
            for j in range(self.k):
                dK[i, j] = np.einsum("nchw,nohw->co", Xp[:, :, i:i + H, j:j + Wd], dz)
        self.grads["K"] = dK
        return loss

    def update(self):
        for name, p in self.params.items():
            g = self.grads[name] + self.weight_decay * p
            self.velocity[name] = self.momentum * self.velocity[name] + g
            p -= self.lr * self.velocity[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
