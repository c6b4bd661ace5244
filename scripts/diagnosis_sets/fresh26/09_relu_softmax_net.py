"""ReLU / softmax classifier from scratch: 6 -> 12 ReLU -> 3 softmax, mean cross-entropy,
mini-batch SGD. Layer helpers in the cs231n style: each forward returns a cache, each backward
takes the upstream gradient and the cache.
"""

import numpy as np


def affine_forward(x, W, b):
    return x @ W + b, (x, W)


def affine_backward(d_out, cache):
    x, W = cache
    return d_out @ W.T, x.T @ d_out, d_out.sum(axis=0)


def relu_forward(z):
    return np.maximum(z, 0.0), z


def relu_backward(d_out, z):
    active = z > 0
    d_z = np.zeros_like(active)   # BUG: d_z = np.zeros_like(d_out)
    d_z[active] = d_out[active]
    return d_z


def softmax_cross_entropy(z, y):
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -np.mean(np.sum(y * log_p, axis=1))
    return loss, (np.exp(log_p) - y) / len(z)


class ReluSoftmaxNet:
    def __init__(self, n_in=6, hidden=12, n_classes=3, lr=0.05, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        z1, cache1 = affine_forward(X, self.W1, self.b1)
        h, relu_cache = relu_forward(z1)
        scores, cache2 = affine_forward(h, self.W2, self.b2)
        loss, d_scores = softmax_cross_entropy(scores, y)

        d_h, dW2, db2 = affine_backward(d_scores, cache2)
        d_z1 = relu_backward(d_h, relu_cache)
        _, dW1, db1 = affine_backward(d_z1, cache1)

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        return float(loss)
