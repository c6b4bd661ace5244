"""Tied-weight autoencoder in NumPy: one weight W (8, 4) serves the encoder, h = sigmoid(X W +
b_enc), and, transposed, the linear decoder, out = h W^T + b_dec. Mean squared error over every
reading. W's gradient is the sum of the encoder's and the decoder's contributions, accumulated
into one buffer with np.add(..., out=). Nesterov momentum in torch's form, the buffers updated
in place.

    X: (n, 8), y = X
"""

from collections import OrderedDict

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class TiedAutoencoder:
    def __init__(self, visible=8, code=4, lr=0.5, mu=0.9, seed=21):
        rng = np.random.default_rng(seed)
        self.params = OrderedDict(
            W=rng.normal(0.0, 0.5, (visible, code)),
            b_enc=np.zeros(code),
            b_dec=np.zeros(visible),
        )
        self.lr, self.mu = lr, mu
        self.velocity = OrderedDict((k, np.zeros_like(v)) for k, v in self.params.items())

    def train_step(self, X, y):
        W, b_enc, b_dec = self.params.values()
        h = sigmoid(X @ W + b_enc)
        out = np.einsum("nk,vk->nv", h, W) + b_dec
        err = out - y
        loss = np.mean(err ** 2)
        d_out = 2.0 * err / err.size
        d_pre = np.einsum("nv,vk->nk", d_out, W) * h * (1.0 - h)
        gW = np.einsum("nv,nk->vk", X, d_pre)
        np.add(gW, np.einsum("nv,nk->vk", d_out, h), out=gW)     # the decoder's use of W
        self.grads = OrderedDict(W=gW, b_enc=d_pre.sum(axis=0), b_dec=d_out.sum(axis=0))
        for k, g in self.grads.items():
            v = self.velocity[k]
            np.multiply(v, self.mu, out=v)
            np.add(v, g, out=v)
            np.subtract(self.params[k], self.lr * (g + self.mu * v), out=self.params[k])
        return float(loss)
