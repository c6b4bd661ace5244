"""The seg1d network again, written channels-last: activations (N, L, C), kernels (k, cin, cout),
each convolution an im2col patch matrix times the flattened kernel.

Same model as seg1d_numpy.py: conv 1->4 (k3, p1) ReLU, conv 4->8 (k3, s2, p1) ReLU, nearest x2,
concat [up, skip], conv 12->1 (k3, p1), sigmoid BCE mean; Adam lr 0.01, betas (0.9, 0.999), eps 1e-8.
"""

import numpy as np


def im2col(x, k, stride, pad):
    """x (N, L, C) -> patches (N, Lout, k*C) ordered (tap, channel), and the padded length."""
    N, L, C = x.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
    Lout = (L + 2 * pad - k) // stride + 1
    idx = stride * np.arange(Lout)[:, None] + np.arange(k)[None, :]        # (Lout, k)
    return xp[:, idx, :].reshape(N, Lout, k * C), idx


def col2im(dcols, idx, N, L, C, k, pad):
    dxp = np.zeros((N, L + 2 * pad, C), dtype=dcols.dtype)
    np.add.at(dxp, (slice(None), idx), dcols.reshape(N, idx.shape[0], k, C))
    return dxp[:, pad:pad + L, :]


class Conv:
    def __init__(self, name, stride, pad):
        self.name, self.stride, self.pad = name, stride, pad

    def forward(self, net, x):
        W, b = net.params["K_" + self.name], net.params["c_" + self.name]
        k = W.shape[0]
        cols, idx = im2col(x, k, self.stride, self.pad)
        self.saved = (cols, idx, x.shape)
        return cols @ W.reshape(-1, W.shape[2]) + b

    def backward(self, net, dout):
        W = net.params["K_" + self.name]
        cols, idx, (N, L, C) = self.saved
        k, cin, cout = W.shape
        net.grads["K_" + self.name] = np.einsum("nlp,nlo->po", cols, dout).reshape(W.shape)
        net.grads["c_" + self.name] = dout.sum(axis=(0, 1))
        dcols = dout @ W.reshape(-1, cout).T
        return col2im(dcols, idx, N, L, C, k, self.pad)


class SegNet1DNLC:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        # the same draws as seg1d_numpy.py, then moved to (k, cin, cout)
        W_enc = rng.standard_normal((4, 1, 3)) * np.sqrt(2.0 / 3)
        b_enc = 0.1 * rng.standard_normal(4)
        W_down = rng.standard_normal((8, 4, 3)) * np.sqrt(2.0 / 12)
        b_down = 0.1 * rng.standard_normal(8)
        W_head = rng.standard_normal((1, 12, 3)) * np.sqrt(2.0 / 36) * 0.5
        self.params = {
            "K_enc": W_enc.transpose(2, 1, 0).copy(), "c_enc": b_enc,
            "K_down": W_down.transpose(2, 1, 0).copy(), "c_down": b_down,
            "K_head": W_head.transpose(2, 1, 0).copy(), "c_head": np.zeros(1),
        }
        self.grads = {}
        self.layers = [Conv("enc", 1, 1), Conv("down", 2, 1), Conv("head", 1, 1)]
        self.lr, self.b1, self.b2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.state = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in self.params.items()}
        self.step_no = 0

    def _logits(self, X):
        x = X.transpose(0, 2, 1).astype(self.params["K_enc"].dtype)      # (N, L, 1)
        enc, down, head = self.layers
        a1 = enc.forward(self, x)
        h1 = np.where(a1 > 0, a1, 0)
        a2 = down.forward(self, h1)
        h2 = np.where(a2 > 0, a2, 0)
        u = h2[:, np.arange(2 * h2.shape[1]) // 2, :]                      # nearest, by index
        z = head.forward(self, np.concatenate([u, h1], axis=2))            # (N, L, 1)
        return z, a1, a2

    def loss(self, X, y):
        z, _, _ = self._logits(X)
        t = y.transpose(0, 2, 1).astype(z.dtype)
        return np.mean(np.logaddexp(0, z) - z * t)

    def train_step(self, X, y):
        z, a1, a2 = self._logits(X)
        t = y.transpose(0, 2, 1).astype(z.dtype)
        loss = np.mean(np.logaddexp(0, z) - z * t)
        enc, down, head = self.layers
        dz = (1 / (1 + np.exp(-z)) - t) / z.size
        dcat = head.backward(self, dz)
        du, dskip = dcat[:, :, :8], dcat[:, :, 8:]
        dh2 = du[:, 0::2, :] + du[:, 1::2, :]
        dh1 = down.backward(self, dh2 * (a2 > 0)) + dskip
        enc.backward(self, dh1 * (a1 > 0))

        self.step_no += 1
        c1, c2 = 1 - self.b1 ** self.step_no, 1 - self.b2 ** self.step_no
        for k, w in self.params.items():
            m, v = self.state[k]
            g = self.grads[k]
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * np.square(g)
            w -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)
        return float(loss)
