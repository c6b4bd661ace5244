"""Two-head multi-task MLP, from scratch in NumPy.

Shared trunk: dense 10->32 + ReLU, dense 32->16 + tanh. Heads on the trunk features h:
    classification: dense 16->4 logits, softmax cross-entropy with class weights,
                    reduced as torch does: sum_i w[y_i] nll_i / sum_i w[y_i]
    regression:     dense 16->1, Huber loss (delta 1.5), mean over the batch
Total loss = ce + lam * huber, lam = 0.5.
SGD lr 0.05 with heavy-ball momentum 0.9 (v = mu v + g; p -= lr v), gradients clipped first to a
global L2 norm of at most 0.5 (coefficient max_norm / (norm + 1e-6), as clip_grad_norm_).

    X float (N, 10); y float (N, 2): column 0 the class index, column 1 the regression target.
Parameters (self.params), weights kept (in, out): W1, b1, W2, b2, Wc, bc, Wr, br.
"""

import math

import numpy as np


class MultiTaskNet:
    def __init__(self, n_in=10, h1=32, h2=16, n_classes=4, lr=0.05, momentum=0.9, lam=0.5,
                 delta=1.5, max_norm=0.5, seed=0):
        rng = np.random.default_rng(seed)

        def dense(i, o):
            return rng.uniform(-1, 1, (i, o)) / math.sqrt(i), np.zeros(o)

        W1, b1 = dense(n_in, h1)
        W2, b2 = dense(h1, h2)
        Wc, bc = dense(h2, n_classes)
        Wr, br = dense(h2, 1)
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2,
                       "Wc": Wc, "bc": bc, "Wr": Wr, "br": br}
        self.class_weights = np.array([1.0, 2.0, 0.5, 1.5])
        self.lr, self.momentum, self.lam = lr, momentum, lam
        self.delta, self.max_norm = delta, max_norm
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        h = np.tanh(a1 @ p["W2"] + p["b2"])
        logits = h @ p["Wc"] + p["bc"]
        pred = (h @ p["Wr"] + p["br"])[:, 0]
        return logits, pred, (z1, a1, h)

    def _losses(self, logits, pred, y):
        cls = y[:, 0].astype(np.int64)
        target = y[:, 1]
        N = len(cls)
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        w = self.class_weights[cls]
        ce = -(w * log_probs[np.arange(N), cls]).sum() / w.sum()
        r = pred - target
        absr = np.abs(r)
        quad = absr <= self.delta
        hub = np.where(quad, 0.5 * r ** 2, self.delta * (absr - 0.5 * self.delta)).mean()
        return ce, hub, (cls, w, np.exp(log_probs), r, quad)

    def loss(self, X, y):
        logits, pred, _ = self.forward(X)
        ce, hub, _ = self._losses(logits, pred, y)
        return ce + self.lam * hub

    def backward(self, X, y):
        p = self.params
        logits, pred, (z1, a1, h) = self.forward(X)
        ce, hub, (cls, w, probs, r, quad) = self._losses(logits, pred, y)
        N = len(cls)

        dlogits = probs.copy()
        dlogits[np.arange(N), cls] -= 1
        dlogits *= (w / w.sum())[:, None]
        dpred = np.where(quad, r, self.delta) / N * self.lam

        g = {}
        g["Wc"] = h.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        g["Wr"] = h.T @ dpred[:, None]
        g["br"] = np.array([dpred.sum()], dtype=dpred.dtype)
        dh = dlogits @ p["Wc"].T + dpred[:, None] @ p["Wr"].T
        dz2 = dh * (1 - h ** 2)
        g["W2"] = a1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (z1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g
        return ce + self.lam * hub

    def clip(self):
        total = np.sqrt(sum(np.sum(g * g) for g in self.grads.values()))
        coef = min(self.max_norm / (total + 1e-6), 1.0)
        for k in self.grads:
            self.grads[k] = self.grads[k] * coef

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.update()
        return float(loss)
