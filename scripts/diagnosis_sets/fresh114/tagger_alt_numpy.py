"""Multi-label tagger in NumPy, written with sliding windows and log-space attention.

The same network as tagger_numpy.py (per-band instance norm of the input; dilated conv 6 -> 8,
kernel 3, dilation 2, 'same'; ReLU; attention pooling over the frames; dense 8 -> 5; BCE on the
logits, mean over every entry; RMSprop alpha 0.9), written another way: the dilated windows come
from np.lib.stride_tricks.sliding_window_view (span 5, every second sample), the convolution and its
weight gradient are one einsum each; the attention vector is kept as a column (8, 1) and the
dense weight (out, in); the attention weights come from a log-softmax; the loss is
np.logaddexp(0, z) - y z and the sigmoid is written through tanh; the softmax backward is written as
the Jacobian-vector product diag(alpha) - alpha alpha^T; RMSprop updates its mean square in
place, in self.ms.

Parameters (self.weights): conv_w (8, 6, 3), conv_b (8,), att (8, 1), out_w (5, 8), out_b (5,).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

N_MELS, CH, KSIZE, DIL, TAGS = 6, 8, 3, 2, 5
SPAN = DIL * (KSIZE - 1) + 1
IN_EPS = 1e-5
LR, ALPHA, EPS = 0.005, 0.9, 1e-8


class TaggerSWV:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.weights = {
            "conv_w": rng.uniform(-0.4, 0.4, (CH, N_MELS, KSIZE)),
            "conv_b": rng.uniform(-0.1, 0.1, CH),
            "att": rng.uniform(-0.5, 0.5, (CH, 1)),
            "out_w": rng.uniform(-0.35, 0.35, (TAGS, CH)),
            "out_b": np.zeros(TAGS),
        }
        self.ms = {k: np.zeros_like(w) for k, w in self.weights.items()}

    def _windows(self, X):
        xc = X - X.mean(axis=-1, keepdims=True)
        xn = xc / np.sqrt((xc * xc).mean(axis=-1, keepdims=True) + IN_EPS)
        xp = np.pad(xn, ((0, 0), (0, 0), (SPAN // 2, SPAN // 2)))
        return sliding_window_view(xp, SPAN, axis=2)[..., ::DIL]          # (N, C, T, K)

    def _forward(self, X):
        w = self.weights
        win = self._windows(X)
        z = np.einsum("nctk,ock->not", win, w["conv_w"]) + w["conv_b"][:, None]
        h = z * (z > 0)
        s = np.einsum("nct,c->nt", h, w["att"][:, 0])
        s_max = s.max(axis=1, keepdims=True)
        log_alpha = s - s_max - np.log(np.exp(s - s_max).sum(axis=1, keepdims=True))
        alpha = np.exp(log_alpha)
        pooled = (h * alpha[:, None, :]).sum(axis=2)
        logits = pooled @ w["out_w"].T + w["out_b"]
        return logits, win, z, h, alpha, pooled

    def loss(self, X, y):
        logits = self._forward(X)[0]
        return np.mean(np.logaddexp(0, logits) - y * logits)

    def train_step(self, X, y):
        w = self.weights
        logits, win, z, h, alpha, pooled = self._forward(X)
        loss = np.mean(np.logaddexp(0, logits) - y * logits)

        sig = 0.5 * (1.0 + np.tanh(0.5 * logits))
        dlogits = (sig - y) / logits.size
        grads = {"out_w": dlogits.T @ pooled, "out_b": dlogits.sum(axis=0)}
        dpooled = dlogits @ w["out_w"]
        dalpha = (h * dpooled[:, :, None]).sum(axis=1)                    # (N, T)
        ds = alpha * dalpha - alpha * (alpha * dalpha).sum(axis=1, keepdims=True)
        grads["att"] = np.einsum("nct,nt->c", h, ds)[:, None]
        dh = dpooled[:, :, None] * alpha[:, None, :] + w["att"] * ds[:, None, :]
        dz = np.where(z > 0, dh, 0.0).astype(dh.dtype)
        grads["conv_w"] = np.einsum("not,nctk->ock", dz, win)
        grads["conv_b"] = dz.sum(axis=(0, 2))
        self.grads = grads

        for k, param in w.items():
            g = grads[k]
            self.ms[k] *= ALPHA
            self.ms[k] += (1.0 - ALPHA) * g * g
            param -= LR * g / (np.sqrt(self.ms[k]) + EPS)
        return float(loss)
