"""Three-way classifier over two multi-hot fields of hashed tag ids, NumPy from scratch.

Each row has two fields (say "tags" and "genres"), each a bag of raw ids padded
with -1. One table is shared by both fields; the hashing trick salts each id with
its field: bucket = 1 + (31 * r + f) % (n_buckets - 1), bucket 0 for padding.

    m       = (raw >= 0)                                   (N, 2, L)
    pooled  = sum_j m_j E[b_j] / sum_j m_j                 (N, 2, dim) mean per field
    x       = pooled.reshape(N, 2 * dim)                   field 0 then field 1
    h       = tanh(x @ W1 + b1)
    logits  = h @ W2 + b2,  loss = mean softmax cross-entropy

Trained with SGD with momentum (v = mu v + g; p -= lr v, as torch.optim.SGD).

    X: int64 (N, 2, L) raw ids;  y: int64 (N,) class.
Parameters (self.params): E (n_buckets, dim), W1 (2*dim, hidden), b1, W2 (hidden, 3), b2.
Optimizer state: self.velocity.
"""

import numpy as np

PAD = 0


class FieldTagger:
    def __init__(self, n_buckets=48, dim=5, hidden=12, n_classes=3, lr=0.3, momentum=0.9,
                 seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.n_buckets = n_buckets
        self.lr = lr
        self.momentum = momentum
        E = rng.normal(0.0, 0.5, size=(n_buckets, dim))
        E[PAD] = 0.0
        self.params = {
            "E": E.astype(dtype),
            "W1": (rng.normal(0.0, 1.0, size=(2 * dim, hidden)) / np.sqrt(2 * dim)).astype(dtype),
            "b1": np.zeros(hidden, dtype=dtype),
            "W2": (rng.normal(0.0, 1.0, size=(hidden, n_classes)) / np.sqrt(hidden)).astype(dtype),
            "b2": np.zeros(n_classes, dtype=dtype),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def buckets(self, raw):
        field = np.arange(raw.shape[1])[None, :, None]
        return np.where(raw >= 0, 1 + (31 * raw + field) % (self.n_buckets - 1), PAD)

    def _forward(self, X):
        p = self.params
        N = X.shape[0]
        idx = self.buckets(X)                                   # (N, 2, L)
        m = (X >= 0).astype(p["E"].dtype)                       # (N, 2, L)
        n = m.sum(axis=2, keepdims=True)                        # (N, 2, 1)
        pooled = (p["E"][idx] * m[..., None]).sum(axis=2) / n   # (N, 2, dim)
        x = pooled.reshape(N, -1)
        h = np.tanh(x @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        return logits, (idx, m, n, x, h)

    @staticmethod
    def _softmax_ce(logits, y):
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._softmax_ce(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (idx, m, n, x, h) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N

        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dpre = (dlogits @ p["W2"].T) * (1.0 - np.tanh(h) ** 2)  # fix: dpre = (dlogits @ p["W2"].T) * (1.0 - h ** 2)
        self.grads["W1"] = x.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        dpooled = (dpre @ p["W1"].T).reshape(N, 2, -1)          # (N, 2, dim)
        dslot = (dpooled / n)[:, :, None, :] * m[..., None]     # (N, 2, L, dim)
        dE = np.zeros_like(p["E"])
        np.add.at(dE, idx, dslot)
        self.grads["E"] = dE
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
