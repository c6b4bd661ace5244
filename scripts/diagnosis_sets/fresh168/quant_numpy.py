"""Quantile regression MLP in NumPy: three quantiles (0.1, 0.5, 0.9) with the pinball loss.

    a1 = relu(X @ W1.T + b1)     4 -> 16       (weights kept (out, in), as nn.Linear)
    a2 = relu(a1 @ W2.T + b2)    16 -> 16
    pred = a2 @ W3.T + b3        16 -> 3, one column per quantile
    e = y[:, None] - pred
    loss = mean over rows and quantiles of max(q * e, (q - 1) * e)

Gradients clipped by global L2 norm 0.3 (as clip_grad_norm_), then AdamW (lr 5e-3, betas
0.9/0.999, eps 1e-8) with decoupled weight decay 1e-2 on the weights only, not the biases.

Layers: self.layers, a list of Dense objects with W, b, their gradients dW, db and their
AdamW moments mW, vW, mb, vb; step count self.t.
"""

import math

import numpy as np

QUANTILES = (0.1, 0.5, 0.9)


class Dense:
    def __init__(self, rng, n_in, n_out):
        bound = 1.0 / math.sqrt(n_in)
        self.W = rng.uniform(-bound, bound, (n_out, n_in))
        self.b = rng.uniform(-bound, bound, n_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self.mW = np.zeros_like(self.W)
        self.vW = np.zeros_like(self.W)
        self.mb = np.zeros_like(self.b)
        self.vb = np.zeros_like(self.b)

    def forward(self, x):
        self.x = x
        return x @ self.W.T + self.b

    def backward(self, dout):
        self.dW = dout.T @ self.x
        self.db = dout.sum(axis=0)
        return dout @ self.W


class QuantileMLP:
    def __init__(self, sizes=(4, 16, 16, 3), lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-2, max_norm=0.3, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = [Dense(rng, a, b) for a, b in zip(sizes[:-1], sizes[1:])]
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.max_norm = max_norm
        self.t = 0

    def forward(self, X):
        self.masks = []
        a = X
        for layer in self.layers[:-1]:
            z = layer.forward(a)
            mask = z > 0
            self.masks.append(mask)
            a = z * mask
        return self.layers[-1].forward(a)

    def pinball(self, pred, y):
        q = np.array(QUANTILES, dtype=pred.dtype)
        e = y[:, None] - pred
        return np.mean(np.maximum(q * e, (q - 1) * e))

    def loss(self, X, y):
        return self.pinball(self.forward(X), y)

    def backward(self, X, y):
        pred = self.forward(X)
        loss = self.pinball(pred, y)
        q = np.array(QUANTILES, dtype=pred.dtype)
        e = y[:, None] - pred
        dpred = ((e < 0).astype(pred.dtype) - q) / pred.size
        d = self.layers[-1].backward(dpred)
        for layer, mask in zip(reversed(self.layers[:-1]), reversed(self.masks)):
            d = layer.backward(d * mask)
        return loss

    def clip(self):
        sq = 0.0
        for layer in self.layers:
            sq += float(np.sum(layer.dW ** 2)) + float(np.sum(layer.db ** 2))
        norm = math.sqrt(sq)
        coef = self.max_norm / (norm + 1e-6)
        if coef < 1.0:
            for layer in self.layers:
                layer.dW = layer.dW * coef
                layer.db = layer.db * coef
        return norm

    def _adamw(self, p, g, m, v, decay):
        if decay:
            p *= 1.0 - self.lr * self.weight_decay
        m[...] = self.beta1 * m + (1.0 - self.beta1) * g
        v[...] = self.beta2 * v + (1.0 - self.beta2) * g ** 2
        m_hat = m / (1.0 - self.beta1 ** self.t)
        v_hat = v / (1.0 - self.beta2 ** self.t)
        p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def step(self):
        self.t += 1
        for layer in self.layers:
            self._adamw(layer.W, layer.dW, layer.mW, layer.vW, decay=True)
            self._adamw(layer.b, layer.db, layer.mb, layer.vb, decay=False)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.step()
        return float(loss)
