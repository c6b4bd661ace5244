"""The strided tone classifier again, written with numpy.lib.stride_tricks.sliding_window_view:
the windows of every channel are a strided view (taken every STRIDE samples), the convolution one
einsum over channels and taps, the weight gradient another einsum over the same view; parameters
as attributes, the update through a list of (parameter, gradient) pairs."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

C_IN, N_F, K, STRIDE, N_CLS, LR = 2, 4, 5, 2, 3, 0.5


class SwvConvClassifier:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.kernel = rng.uniform(-0.4, 0.4, (N_F, C_IN, K))
        self.kernel_bias = rng.uniform(-0.1, 0.1, N_F)
        self.head = rng.uniform(-0.5, 0.5, (N_CLS, N_F))       # (out, in), as nn.Linear
        self.head_bias = np.zeros(N_CLS)

    def train_step(self, X, y):
        n = len(X)
        win = sliding_window_view(X, K, axis=2)[:, :, ::STRIDE, :]      # (n, C, T_out, K)
        Z = np.einsum("nctk,fck->nft", win, self.kernel) + self.kernel_bias[:, None]
        H = np.where(Z > 0, Z, 0.0).astype(Z.dtype)
        pooled = H.mean(axis=2)                                          # (n, F)
        logits = pooled @ self.head.T + self.head_bias
        logp = logits - logits.max(axis=1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
        loss = -(y * logp).sum() / n

        dlogits = (np.exp(logp) - y) / n
        dpooled = dlogits @ self.head
        dZ = (Z > 0) * dpooled[:, :, None] / Z.shape[2]
        self.grads = {
            "kernel": np.einsum("nft,nctk->fck", dZ, win),
            "kernel_bias": dZ.sum(axis=(0, 2)),
            "head": dlogits.T @ pooled,
            "head_bias": dlogits.sum(axis=0),
        }
        for name, grad in self.grads.items():
            param = getattr(self, name)
            param -= LR * grad
        return float(loss)
