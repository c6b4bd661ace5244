"""The dilated 1-D conv net of dil_numpy.py written another way (a correct variant).

Same network and training (channels-last input; conv 4->6 k3 d2 p2, leaky ReLU 0.05,
max-pool 2, conv 6->8 k4 s2 p1, ReLU, mean over time, dense 8->4, softmax cross-entropy;
SGD momentum 0.9, weight decay 1e-2 on the weights only, lr 0.1 times 0.2 at steps 8 and 14),
but the batch is transposed to channels-first once, the convolutions gather their windows
with an index array and contract them with np.einsum, the kernels are kept in torch's
layout (cout, cin, k), the dense weight is kept (in, out), all parameters live in one dict,
the weight decay is added to the gradients before the momentum loop, and every update is
made in place.
"""

import numpy as np


def windows(x, k, stride, pad, dil):
    """x (N, C, L) -> (N, C, Lout, k) windows of the zero-padded series, and their index."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    lout = (xp.shape[2] - dil * (k - 1) - 1) // stride + 1
    idx = stride * np.arange(lout)[:, None] + dil * np.arange(k)[None, :]
    return xp[:, :, idx], idx, xp.shape


class DilatedIm2col:
    def __init__(self, seed=1):
        rng = np.random.default_rng(seed)
        K1 = rng.standard_normal((3, 4, 6)) * np.sqrt(2.0 / 12)
        c1 = rng.uniform(-0.3, 0.3, 6)
        K2 = rng.standard_normal((4, 6, 8)) * np.sqrt(2.0 / 24)
        c2 = rng.uniform(-0.3, 0.3, 8)
        W = rng.standard_normal((4, 8)) / np.sqrt(8)
        b = rng.uniform(-0.3, 0.3, 4)
        self.params = {"conv1_w": K1.transpose(2, 1, 0).copy(), "conv1_b": c1,
                       "conv2_w": K2.transpose(2, 1, 0).copy(), "conv2_b": c2,
                       "fc_w": W.T.copy(), "fc_b": b}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu, self.wd = 0.1, 0.9, 1e-2
        self.t = 0

    def _forward(self, X):
        p = self.params
        x = X.transpose(0, 2, 1)                                       # (N, C, L)
        w1, i1, s1 = windows(x, 3, 1, 2, 2)
        z1 = np.einsum("nctk,ock->not", w1, p["conv1_w"]) + p["conv1_b"][:, None]
        a1 = np.maximum(z1, 0.05 * z1)
        N, C, L = a1.shape
        arg = a1.reshape(N, C, L // 2, 2).argmax(axis=3)
        pos = 2 * np.arange(L // 2) + arg                               # winning time step
        h = np.take_along_axis(a1, pos, axis=2)
        w2, i2, s2 = windows(h, 4, 2, 1, 1)
        z2 = np.einsum("nctk,ock->not", w2, p["conv2_w"]) + p["conv2_b"][:, None]
        a2 = np.maximum(z2, 0)
        feat = a2.mean(axis=2)
        logits = np.einsum("nc,ck->nk", feat, p["fc_w"]) + p["fc_b"]
        return logits, (w1, z1, pos, w2, i2, s2, z2, feat)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        return -(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean()

    def train_step(self, X, y):
        p = self.params
        logits, (w1, z1, pos, w2, i2, s2, z2, feat) = self._forward(X)
        N = len(y)
        z = logits - logits.max(axis=1, keepdims=True)
        sm = np.exp(z)
        sm /= sm.sum(axis=1, keepdims=True)
        loss = -np.log(sm[np.arange(N), y]).mean()
        dlog = sm
        dlog[np.arange(N), y] -= 1
        dlog /= N

        g = {"fc_w": feat.T @ dlog, "fc_b": dlog.sum(0)}
        dfeat = dlog @ p["fc_w"].T
        dz2 = (dfeat[:, :, None] / z2.shape[2]) * (z2 > 0)
        g["conv2_w"] = np.einsum("not,nctk->ock", dz2, w2)
        g["conv2_b"] = dz2.sum(axis=(0, 2))
        dw2 = np.einsum("not,ock->nctk", dz2, p["conv2_w"])
        dhp = np.zeros(s2, dtype=dz2.dtype)
        np.add.at(dhp, (slice(None), slice(None), i2), dw2)
        dh = dhp[:, :, 1:-1]
        da1 = np.zeros_like(z1)
        np.put_along_axis(da1, pos, dh, axis=2)
        dz1 = np.where(z1 > 0, da1, 0.05 * da1)
        g["conv1_w"] = np.einsum("not,nctk->ock", dz1, w1)
        g["conv1_b"] = dz1.sum(axis=(0, 2))

        for k in ("conv1_w", "conv2_w", "fc_w"):
            g[k] += self.wd * p[k]
        self.grads = g
        lr = self.lr * (0.2 if self.t >= 8 else 1.0) * (0.2 if self.t >= 14 else 1.0)
        for k in p:
            self.velocity[k] *= self.mu
            self.velocity[k] += g[k]
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return float(loss)
