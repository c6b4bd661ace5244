"""Learned Fourier-feature classifier in NumPy: z = X W + b (D -> M = 8 frequencies), the features
[sin z, cos z] concatenated (2M), a softmax head V (2M, 3), c (3,), mean cross-entropy, heavy-ball
momentum (v = mu v + g; theta -= lr v). Both sinusoids come out of one complex exponential,
e^{iz} = cos z + i sin z.

    X: (n, 2), y: one-hot (n, 3)
"""

import numpy as np

LR, MU = 0.2, 0.9


class FourierClassifier:
    def __init__(self, d=2, m=8, k=3, seed=56):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 1.5, (d, m))
        self.b = rng.uniform(0.0, 2.0 * np.pi, m)
        self.V = rng.normal(0.0, 0.3, (2 * m, k))
        self.c = np.zeros(k)
        self.m = m
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W", "b", "V", "c")}

    def train_step(self, X, y):
        z = X @ self.W + self.b
        e = np.exp(1j * z)
        feats = np.concatenate([e.imag, e.real], axis=1)    # [sin z, cos z]
        logits = feats @ self.V + self.c
        logits = logits - logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        self.output = logits
        n = X.shape[0]
        loss = -(y * logp).sum() / n

        g = (np.exp(logp) - y) / n
        gfeat = g @ self.V.T
        gsin, gcos = gfeat[:, :self.m], gfeat[:, self.m:]
        gz = gsin * e.real - gcos * e.imag
        self.grads = {"W": X.T @ gz, "b": gz.sum(axis=0), "V": feats.T @ g, "c": g.sum(axis=0)}
        for name, grad in self.grads.items():
            self.velocity[name] = MU * self.velocity[name] + grad
            setattr(self, name, getattr(self, name) - LR * self.velocity[name])
        return float(loss)
