"""The two-head multi-task MLP of mt2_numpy.py, written another way.

The network is a list of layers, each a dict {"W": (out, in), "b": (out,)}: trunk 10->32 (ReLU),
trunk 32->16 (tanh), then the classification head 16->4 and the regression head 16->1.
Products by np.einsum; the Huber derivative as np.clip(r, -delta, delta); the weighted
cross-entropy gradient through a one-hot matrix; the global gradient norm over one flat vector;
the momentum buffers updated in place (v *= mu; v += g; W -= lr v).
"""

import math

import numpy as np


class LayeredMultiTaskNet:
    TRUNK1, TRUNK2, CLS, REG = range(4)

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = []
        for i, o in ((10, 32), (32, 16), (16, 4), (16, 1)):
            W = rng.uniform(-1, 1, (i, o)) / math.sqrt(i)       # same draws as mt2_numpy.py
            self.layers.append({"W": np.ascontiguousarray(W.T), "b": np.zeros(o)})
        self.class_weights = np.array([1.0, 2.0, 0.5, 1.5])
        self.lr, self.mu, self.lam, self.delta, self.max_norm = 0.05, 0.9, 0.5, 1.5, 0.5
        self.velocity = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.grads = None

    @staticmethod
    def _dense(layer, x):
        return np.einsum("ni,oi->no", x, layer["W"]) + layer["b"]

    def _forward(self, X):
        L = self.layers
        z1 = self._dense(L[self.TRUNK1], X)
        a1 = z1 * (z1 > 0)
        h = np.tanh(self._dense(L[self.TRUNK2], a1))
        logits = self._dense(L[self.CLS], h)
        pred = self._dense(L[self.REG], h).reshape(-1)
        return logits, pred, z1, a1, h

    def _loss_and_dout(self, logits, pred, y):
        n = y.shape[0]
        onehot = np.eye(4, dtype=logits.dtype)[y[:, 0].astype(int)]
        w = onehot @ self.class_weights
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        nll = lse - (onehot * logits).sum(axis=1)
        wsum = w.sum()
        ce = np.dot(w, nll) / wsum
        r = pred - y[:, 1]
        a = np.abs(r)
        small = np.minimum(a, self.delta)
        hub = np.mean(small * (a - 0.5 * small))              # 0.5 r^2 inside, delta(|r| - delta/2) out
        probs = np.exp(logits - lse[:, None])
        dlogits = (probs - onehot) * (w / wsum)[:, None]
        dpred = self.lam * np.clip(r, -self.delta, self.delta) / n
        return ce + self.lam * hub, dlogits, dpred

    def loss(self, X, y):
        logits, pred, *_ = self._forward(X)
        return self._loss_and_dout(logits, pred, y)[0]

    def train_step(self, X, y):
        L = self.layers
        logits, pred, z1, a1, h = self._forward(X)
        loss, dlogits, dpred = self._loss_and_dout(logits, pred, y)
        dpred = dpred[:, None]
        grads = [None] * 4
        grads[self.CLS] = {"W": np.einsum("no,ni->oi", dlogits, h), "b": dlogits.sum(0)}
        grads[self.REG] = {"W": np.einsum("no,ni->oi", dpred, h), "b": dpred.sum(0)}
        dh = np.einsum("no,oi->ni", dlogits, L[self.CLS]["W"]) + \
            np.einsum("no,oi->ni", dpred, L[self.REG]["W"])
        dz2 = dh * (1 - h * h)
        grads[self.TRUNK2] = {"W": np.einsum("no,ni->oi", dz2, a1), "b": dz2.sum(0)}
        dz1 = np.einsum("no,oi->ni", dz2, L[self.TRUNK2]["W"]) * (z1 > 0)
        grads[self.TRUNK1] = {"W": np.einsum("no,ni->oi", dz1, X), "b": dz1.sum(0)}

        flat = np.concatenate([g[k].ravel() for g in grads for k in ("W", "b")])
        norm = np.linalg.norm(flat)
        scale = self.max_norm / (norm + 1e-6)
        if scale < 1.0:
            for g in grads:
                for k in g:
                    g[k] *= scale
        self.grads = grads

        for layer, g, v in zip(L, grads, self.velocity):
            for k in layer:
                v[k] *= self.mu
                v[k] += g[k]
                layer[k] -= self.lr * v[k]
        return float(loss)
