"""SAM around SGD with momentum, NumPy, every parameter a view into one flat vector theta.

The same model and optimizer as sam_numpy.py (tanh MLP 6-16-3, mean softmax cross-entropy,
rho 0.05, lr 0.1, momentum 0.9), written another way: W1, b1, W2, b2 are views into
self.theta, the gradient is assembled into one flat vector, so the SAM perturbation, the
restore and the momentum step are single vector operations; the forward uses einsum.
"""

import numpy as np


class SAMFlatClassifier:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.1, momentum=0.9, rho=0.05, seed=0):
        rng = np.random.default_rng(seed)
        shapes = [("W1", (n_in, hidden)), ("b1", (hidden,)), ("W2", (hidden, n_out)),
                  ("b2", (n_out,))]
        sizes = [int(np.prod(s)) for _, s in shapes]
        self.theta = np.zeros(sum(sizes))
        self.layout = []
        offset = 0
        for (name, shape), size in zip(shapes, sizes):
            self.layout.append((name, slice(offset, offset + size), shape))
            setattr(self, name, self.theta[offset:offset + size].reshape(shape))
            offset += size
        self.W1[...] = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.W2[...] = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.lr, self.momentum, self.rho = lr, momentum, rho
        self.buf = np.zeros_like(self.theta)
        self.grads = {}

    def _flat_grad(self, X, y):
        N = X.shape[0]
        h = np.tanh(np.einsum("ni,ih->nh", X, self.W1) + self.b1)
        logits = np.einsum("nh,ho->no", h, self.W2) + self.b2
        logp = logits - logits.max(axis=1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()
        onehot = np.zeros_like(logits)
        onehot[np.arange(N), y] = 1.0
        dlogits = (np.exp(logp) - onehot) / N
        dz = np.einsum("no,ho->nh", dlogits, self.W2) * (1.0 - h * h)
        parts = {
            "W1": np.einsum("ni,nh->ih", X, dz),
            "b1": dz.sum(axis=0),
            "W2": np.einsum("nh,no->ho", h, dlogits),
            "b2": dlogits.sum(axis=0),
        }
        flat = np.concatenate([parts[name].ravel() for name, _, _ in self.layout])
        return loss, flat

    def train_step(self, X, y):
        loss, g = self._flat_grad(X, y)
        e = g * (self.rho / (np.linalg.norm(g) + 1e-12))
        self.theta += e
        _, g_sam = self._flat_grad(X, y)
        self.theta -= e
        self.buf *= self.momentum
        self.buf += g_sam
        self.theta -= self.lr * self.buf
        self.grads = {name: g_sam[sl].reshape(shape) for name, sl, shape in self.layout}
        return float(loss)
