"""The depthwise-separable classifier of dsconv_numpy.py, written another way (correct).

Same model (depthwise 3x3, multiplier 2, padding 1 -> ReLU -> pointwise 1x1 -> ReLU -> global
average pool -> dense -> softmax cross-entropy, SGD momentum 0.9, lr 0.1), but:
  * the depthwise kernel is kept as (kh, kw, 1, maps), the layout of a channels-last author
    (torch's dw.weight is K.permute(3, 2, 0, 1); back: dw.weight.permute(2, 3, 1, 0));
  * the depthwise conv reads its windows with sliding_window_view and one einsum;
  * the input channels are expanded with an index array instead of np.repeat;
  * the momentum buffer is updated in place.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class DSConvNet:
    def __init__(self, in_channels=2, multiplier=2, kernel_size=3, classes=3,
                 lr=0.1, momentum=0.9, seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        maps = in_channels * multiplier
        self.k = kernel_size
        self.source = np.arange(maps) // multiplier      # the input channel each map reads
        self.K = (rng.standard_normal((kernel_size, kernel_size, 1, maps))
                  * np.sqrt(2.0 / kernel_size ** 2)).astype(dtype)
        self.bK = (rng.standard_normal(maps) * 0.1).astype(dtype)
        self.P = (rng.standard_normal((maps, maps)) * np.sqrt(2.0 / maps)).astype(dtype)
        self.bP = (rng.standard_normal(maps) * 0.1).astype(dtype)
        self.F = (rng.standard_normal((classes, maps)) / np.sqrt(maps)).astype(dtype)
        self.bF = np.zeros(classes, dtype=dtype)
        self.names = ("K", "bK", "P", "bP", "F", "bF")
        self.grads = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.lr, self.momentum = lr, momentum

    def _forward(self, X):
        X = np.asarray(X, dtype=self.K.dtype)
        p = self.k // 2
        Xp = np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)))[:, self.source]   # (N, maps, H+2p, W+2p)
        win = sliding_window_view(Xp, (self.k, self.k), axis=(2, 3))       # (N, maps, oh, ow, k, k)
        Z1 = np.einsum("nmhwab,abm->nmhw", win, self.K[:, :, 0, :]) + self.bK[:, None, None]
        A1 = np.maximum(Z1, 0)
        Z2 = np.einsum("nchw,oc->nohw", A1, self.P) + self.bP[:, None, None]
        A2 = np.maximum(Z2, 0)
        g = A2.mean(axis=(2, 3))
        logits = g @ self.F.T + self.bF
        return logits, (win, Z1, A1, Z2, g)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        logits, (win, Z1, A1, Z2, g) = self._forward(X)
        N = len(y)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        onehot = np.zeros_like(probs)
        onehot[np.arange(N), y] = 1
        dlogits = (probs - onehot) / N
        self.grads["F"] = dlogits.T @ g
        self.grads["bF"] = dlogits.sum(axis=0)
        hw = Z2.shape[2] * Z2.shape[3]
        dZ2 = (dlogits @ self.F)[:, :, None, None] / hw * (Z2 > 0)
        self.grads["P"] = np.einsum("nohw,nchw->oc", dZ2, A1)
        self.grads["bP"] = dZ2.sum(axis=(0, 2, 3))
        dZ1 = np.einsum("nohw,oc->nchw", dZ2, self.P) * (Z1 > 0)
        self.grads["K"] = np.einsum("nmhwab,nmhw->abm", win, dZ1)[:, :, None, :]
        self.grads["bK"] = dZ1.sum(axis=(0, 2, 3))

        for n in self.names:
            v = self.velocity[n]
            v *= self.momentum
            v += self.grads[n]
            getattr(self, n)[...] -= self.lr * v
        return float(loss)
