"""The FixMatch-style objective of fixmatch_numpy.py written another way (correct).

Layers in a list of dicts with weights kept (out, in) as torch does; one forward on the stacked
batch [labelled weak; unlabelled strong] with per-row weights (1/nl for labelled rows,
lam * mask / nu for unlabelled rows) against one-hot targets; einsum for the products;
Nesterov momentum written in place (v *= mu; v += g; p -= lr * (g + mu * v)).
"""

import numpy as np


class FixMatchNet:
    def __init__(self, sizes=(8, 32, 4), lr=0.05, momentum=0.9, weight_decay=5e-4, tau=0.8,
                 lambda_u=1.0, ramp_steps=10, seed=0):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, 1.0 / np.sqrt(sizes[0]), (sizes[0], sizes[1]))
        W2 = rng.normal(0.0, 1.0 / np.sqrt(sizes[1]), (sizes[1], sizes[2]))
        self.layers = [
            {"W": np.ascontiguousarray(W1.T), "b": np.zeros(sizes[1])},
            {"W": np.ascontiguousarray(W2.T), "b": np.zeros(sizes[2])},
        ]
        self.mom = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.tau, self.lambda_u, self.ramp_steps = tau, lambda_u, ramp_steps
        self.t = 0

    def _logits(self, x):
        l1, l2 = self.layers
        h = np.tanh(np.einsum("ni,hi->nh", x, l1["W"]) + l1["b"])
        return np.einsum("nh,ch->nc", h, l2["W"]) + l2["b"], h

    @staticmethod
    def _log_softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))

    def _batch(self, X, y):
        d = X.shape[1] // 2
        unl = y < 0
        xw, xs = X[unl, :d], X[unl, d:]
        nl, nu = int((~unl).sum()), int(unl.sum())
        pw = np.exp(self._log_softmax(self._logits(xw)[0]))
        keep = pw.max(axis=1) >= self.tau
        lam = self.lambda_u * min(1.0, (self.t + 1) / self.ramp_steps)
        C = pw.shape[1]
        eye = np.eye(C, dtype=X.dtype)
        x = np.concatenate([X[~unl, :d], xs])
        targets = np.concatenate([eye[y[~unl]], eye[pw.argmax(axis=1)]])
        weights = np.concatenate([np.full(nl, 1.0 / nl), np.where(keep, lam / nu, 0.0)]).astype(X.dtype)
        return x, targets, weights

    def loss(self, X, y):
        x, targets, weights = self._batch(X, y)
        logp = self._log_softmax(self._logits(x)[0])
        return -(weights * (targets * logp).sum(axis=1)).sum()

    def train_step(self, X, y):
        x, targets, weights = self._batch(X, y)
        z, h = self._logits(x)
        logp = self._log_softmax(z)
        loss = -(weights * (targets * logp).sum(axis=1)).sum()

        dz = weights[:, None] * (np.exp(logp) - targets)
        dpre = np.einsum("nc,ch->nh", dz, self.layers[1]["W"]) * (1.0 - h * h)
        grads = [
            {"W": np.einsum("nh,ni->hi", dpre, x), "b": dpre.sum(axis=0)},
            {"W": np.einsum("nc,nh->ch", dz, h), "b": dz.sum(axis=0)},
        ]
        for layer, g_layer, m_layer in zip(self.layers, grads, self.mom):
            for k, p in layer.items():
                g = g_layer[k] + self.wd * p
                v = m_layer[k]
                v *= self.mu
                v += g
                p -= self.lr * (g + self.mu * v)
        self.t += 1
        return float(loss)
