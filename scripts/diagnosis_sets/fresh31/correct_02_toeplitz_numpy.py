"""Convolution as one matrix product, NumPy: each step the 3x3 kernels are unrolled into the
doubly-blocked Toeplitz matrix T of shape (C*H*W, F*oh*ow), so that the convolution of a batch
is X.reshape(n, -1) @ T; the kernel gradient is gathered back from the gradient of T (every
entry of T that holds K[f, c, a, b] contributes). Two-channel 7x7 swatches -> 4 maps of 5x5 ->
tanh -> 2x2 average pooling (the 5th row and column dropped) -> flatten -> dense softmax.
Mean cross-entropy, AdaGrad (lr 0.1, eps 1e-10) as torch writes it."""

import numpy as np


def toeplitz(K, H, W):
    F_, C, k, _ = K.shape
    oh, ow = H - k + 1, W - k + 1
    T = np.zeros((C, H, W, F_, oh, ow), dtype=K.dtype)
    for i in range(oh):
        for j in range(ow):
            T[:, i:i + k, j:j + k, :, i, j] = K.transpose(1, 2, 3, 0)
    return T.reshape(C * H * W, F_ * oh * ow)


def gather_kernel_grad(dT, shape, H, W):
    F_, C, k, _ = shape
    oh, ow = H - k + 1, W - k + 1
    dT = dT.reshape(C, H, W, F_, oh, ow)
    dK = np.zeros(shape, dtype=dT.dtype)
    for i in range(oh):
        for j in range(ow):
            dK += dT[:, i:i + k, j:j + k, :, i, j].transpose(3, 0, 1, 2)
    return dK


class ToeplitzNet:
    def __init__(self, lr=0.1, eps=1e-10, seed=22):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, np.sqrt(1.0 / 18), (4, 2, 3, 3))
        self.bK = np.zeros(4)
        self.W = rng.normal(0.0, 0.3, (16, 3))
        self.b = np.zeros(3)
        self.lr, self.eps = lr, eps
        self.sum_sq = {k: np.zeros_like(getattr(self, k)) for k in ("K", "bK", "W", "b")}

    def train_step(self, X, y):
        n, C, H, W = X.shape
        T = toeplitz(self.K, H, W)
        Xf = X.reshape(n, -1)
        z = (Xf @ T).reshape(n, 4, 5, 5) + self.bK[:, None, None]
        a = np.tanh(z)
        pooled = a[:, :, :4, :4].reshape(n, 4, 2, 2, 2, 2).mean(axis=(3, 5))
        flat = pooled.reshape(n, -1)
        logits = flat @ self.W + self.b
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": flat.T @ d, "b": d.sum(axis=0)}
        d_pooled = (d @ self.W.T).reshape(n, 4, 2, 2)
        d_a = np.zeros_like(a)
        d_a[:, :, :4, :4] = np.kron(d_pooled, np.ones((1, 1, 2, 2), dtype=X.dtype)) / 4.0
        d_z = d_a * (1.0 - a ** 2)
        g["K"] = gather_kernel_grad(Xf.T @ d_z.reshape(n, -1), self.K.shape, H, W)
        g["bK"] = d_z.sum(axis=(0, 2, 3))
        self.grads = g

        for k in ("K", "bK", "W", "b"):
            self.sum_sq[k] += g[k] ** 2
            getattr(self, k)[...] -= self.lr * g[k] / (np.sqrt(self.sum_sq[k]) + self.eps)
        return float(loss)
