"""Dense block classifier written with one preallocated feature buffer: the block's features are
written into column slices of `feats` (X, then h1, then h2) instead of concatenated, the layers
read growing prefixes of it, the matrix products through np.einsum, and the gradient of the
buffer is cut back into its blocks with np.split. Adam by hand (bias-corrected), mean
cross-entropy through log-sum-exp.
"""

import numpy as np


class DenseBufferClassifier:
    def __init__(self, n_in=5, growth=6, n_classes=3, lr=0.02, seed=31):
        rng = np.random.default_rng(seed)
        self.k, self.g = n_in, growth
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, growth)), "b1": np.zeros(growth),
            "W2": rng.normal(0.0, np.sqrt(2.0 / (n_in + growth)), (n_in + growth, growth)), "b2": np.zeros(growth),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(n_in + 2 * growth), (n_in + 2 * growth, n_classes)),
            "b3": np.zeros(n_classes),
        }
        self.lr, self.b1_, self.b2_, self.eps, self.t = lr, 0.9, 0.999, 1e-8, 0
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p, k, g = self.params, self.k, self.g
        feats = np.empty((len(X), k + 2 * g), dtype=X.dtype)
        feats[:, :k] = X
        z1 = np.einsum("ni,io->no", feats[:, :k], p["W1"]) + p["b1"]
        feats[:, k:k + g] = np.maximum(z1, 0.0)
        z2 = np.einsum("ni,io->no", feats[:, :k + g], p["W2"]) + p["b2"]
        feats[:, k + g:] = np.maximum(z2, 0.0)
        logits = np.einsum("ni,io->no", feats, p["W3"]) + p["b3"]
        lse = np.logaddexp.reduce(logits, axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * (logits - lse), axis=1))

        d_logits = (np.exp(logits - lse) - y) / len(X)
        d_feats = np.einsum("no,io->ni", d_logits, p["W3"])
        d_front, _, d_h2 = np.split(d_feats, [k, k + g], axis=1)
        d_z2 = d_h2 * (z2 > 0)
        d_front2 = np.einsum("no,io->ni", d_z2, p["W2"])
        d_h1 = d_feats[:, k:k + g] + d_front2[:, k:]
        d_z1 = d_h1 * (z1 > 0)
        grads = {
            "W3": np.einsum("ni,no->io", feats, d_logits), "b3": d_logits.sum(axis=0),
            "W2": np.einsum("ni,no->io", feats[:, :k + g], d_z2), "b2": d_z2.sum(axis=0),
            "W1": np.einsum("ni,no->io", feats[:, :k], d_z1), "b1": d_z1.sum(axis=0),
        }
        self.grads = grads
        self.t += 1
        for name, w in p.items():
            self.m[name] = self.b1_ * self.m[name] + (1 - self.b1_) * grads[name]
            self.v[name] = self.b2_ * self.v[name] + (1 - self.b2_) * grads[name] ** 2
            m_hat = self.m[name] / (1 - self.b1_ ** self.t)
            v_hat = self.v[name] / (1 - self.b2_ ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
