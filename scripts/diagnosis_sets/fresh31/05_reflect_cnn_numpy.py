"""Glyph classifier in NumPy with a 'same' 3x3 convolution whose border is filled by reflection
(np.pad(..., mode='reflect'), as image-processing code does to avoid dark frames), 3 filters
-> ReLU -> 4x4 average pooling -> flatten -> dense softmax. The convolution is accumulated over
the nine kernel offsets. Mean cross-entropy, SGD with momentum 0.9 (lr 0.05)."""

import numpy as np


class ReflectCNN:
    def __init__(self, lr=0.05, momentum=0.9, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, np.sqrt(2.0 / 9), (3, 1, 3, 3)),
            "bK": np.full(3, 0.1),
            "W": rng.normal(0.0, 0.3, (12, 3)),
            "b": np.zeros(3),
        }
        self.lr, self.mu = lr, momentum
        self.vel = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n, _, H, W = X.shape
        Xp = np.pad(X, ((0, 0), (0, 0), (1, 1), (1, 1)), mode="reflect")
        z = np.zeros((n, 3, H, W), dtype=X.dtype) + p["bK"][:, None, None]
        for di in range(3):
            for dj in range(3):
                z += np.einsum("nchw,oc->nohw", Xp[:, :, di:di + H, dj:dj + W], p["K"][:, :, di, dj])
        a = np.maximum(z, 0.0)
        pooled = a.reshape(n, 3, 2, 4, 2, 4).mean(axis=(3, 5))
        flat = pooled.reshape(n, -1)
        logits = flat @ p["W"] + p["b"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": flat.T @ d, "b": d.sum(axis=0)}
        d_pooled = (d @ p["W"].T).reshape(n, 3, 2, 1, 2, 1)
        d_z = (np.broadcast_to(d_pooled / 16.0, (n, 3, 2, 4, 2, 4)).reshape(n, 3, H, W)) * (z > 0)
        g["K"] = np.zeros_like(p["K"])
        for di in range(3):
            for dj in range(3):
                g["K"][:, :, di, dj] = np.einsum("nchw,nohw->oc", Xp[:, :, di:di + H, dj:dj + W], d_z)
        g["bK"] = d_z.sum(axis=(0, 2, 3))
        self.grads = g

        for k in p:
            self.vel[k] = self.mu * self.vel[k] + g[k]
            p[k] -= self.lr * self.vel[k]
        return float(loss)
