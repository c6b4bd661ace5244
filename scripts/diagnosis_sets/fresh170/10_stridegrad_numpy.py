"""A tiny 1-D encoder-decoder segmenter, forward and backward by hand in NumPy.

    X (N, 1, L) signals, y (N, 1, L) per-sample binary mask, L = 16.

enc   conv1d 1->4, k3, stride 1, pad 1, ReLU               h1 (N, 4, L)
down  conv1d 4->8, k3, stride 2, pad 1, ReLU               h2 (N, 8, L/2)
up    nearest-neighbour upsampling x2                      u  (N, 8, L)
skip  concat [u, h1] along channels                        c  (N, 12, L)
head  conv1d 12->1, k3, stride 1, pad 1                    z  (N, 1, L) logits
loss  sigmoid binary cross-entropy, mean over every pixel
Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 (as torch.optim.Adam).

Weights kept as torch does, (cout, cin, k); biases (cout,).
"""

import numpy as np


def conv1d(x, W, b, stride=1, pad=1):
    """x (N, C, L), W (O, C, K) -> (N, O, Lout); returns the padded input for the backward."""
    N, C, L = x.shape
    O, _, K = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    Lout = (L + 2 * pad - K) // stride + 1
    out = np.zeros((N, O, Lout), dtype=x.dtype)
    for k in range(K):
        window = xp[:, :, k:k + stride * (Lout - 1) + 1:stride]       # (N, C, Lout)
        out += np.einsum("oc,ncl->nol", W[:, :, k], window)
    return out + b[None, :, None], xp


def conv1d_backward(dout, xp, W, stride=1, pad=1):
    """Gradients of conv1d: (dx, dW, db)."""
    N, O, Lout = dout.shape
    K = W.shape[2]
    dW = np.zeros_like(W)
    dxp = np.zeros_like(xp)
    for k in range(K):
        sl = slice(k, k + stride * (Lout - 1) + 1, stride)
        dW[:, :, k] = np.einsum("nol,ncl->oc", dout, xp[:, :, k:k + Lout])
        dxp[:, :, sl] += np.einsum("oc,nol->ncl", W[:, :, k], dout)
    db = dout.sum(axis=(0, 2))
    L = xp.shape[2] - 2 * pad
    return dxp[:, :, pad:pad + L], dW, db


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class SegNet1D:
    def __init__(self, seed=0, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(seed)

        def he(shape):
            fan_in = shape[1] * shape[2]
            return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)

        self.params = {
            "W_enc": he((4, 1, 3)),
            "b_enc": 0.1 * rng.standard_normal(4),
            "W_down": he((8, 4, 3)),
            "b_down": 0.1 * rng.standard_normal(8),
            "W_head": he((1, 12, 3)) * 0.5,
            "b_head": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        X = X.astype(p["W_enc"].dtype, copy=False)
        a1, xp1 = conv1d(X, p["W_enc"], p["b_enc"], stride=1, pad=1)
        h1 = np.maximum(a1, 0)
        a2, xp2 = conv1d(h1, p["W_down"], p["b_down"], stride=2, pad=1)
        h2 = np.maximum(a2, 0)
        u = np.repeat(h2, 2, axis=2)
        c = np.concatenate([u, h1], axis=1)
        z, xp3 = conv1d(c, p["W_head"], p["b_head"], stride=1, pad=1)
        self.cache = (xp1, a1, xp2, a2, xp3)
        return z

    @staticmethod
    def bce(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self.bce(self.forward(X), y.astype(self.params["W_enc"].dtype, copy=False))

    def backward(self, X, y):
        p = self.params
        y = y.astype(p["W_enc"].dtype, copy=False)
        z = self.forward(X)
        loss = self.bce(z, y)
        xp1, a1, xp2, a2, xp3 = self.cache

        dz = (sigmoid(z) - y) / z.size
        dc, self.grads["W_head"], self.grads["b_head"] = conv1d_backward(dz, xp3, p["W_head"], 1, 1)
        du, dh1_skip = dc[:, :8], dc[:, 8:]
        N, C, L2 = a2.shape
        dh2 = du.reshape(N, C, L2, 2).sum(axis=3)            # nearest upsampling: sum each pair
        da2 = dh2 * (a2 > 0)
        dh1, self.grads["W_down"], self.grads["b_down"] = conv1d_backward(da2, xp2, p["W_down"], 2, 1)
        dh1 = dh1 + dh1_skip
        da1 = dh1 * (a1 > 0)
        _, self.grads["W_enc"], self.grads["b_enc"] = conv1d_backward(da1, xp1, p["W_enc"], 1, 1)
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
