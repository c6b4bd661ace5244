"""Mixup with label smoothing, a second NumPy implementation of mixup_numpy.py's network.

Layers kept as a list of dicts with torch's (out, in) weight layout; matrix products by
einsum; the logit gradient written as the lam-mixture of the two smoothed-target gradients
(softmax(z) - T_a and softmax(z) - T_b, each over N); Nesterov momentum with coupled weight
decay updated in place on buffers kept in self.bufs (lists, one dict per layer).

    layers[0]: W (16, 6), b (16,);  layers[1]: W (4, 16), b (4,)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "mixup_mix.npz"))


class MixupMLPAlt:
    def __init__(self, n_in=6, hidden=16, n_classes=4, seed=3):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"W": rng.uniform(-1, 1, (hidden, n_in)) / np.sqrt(n_in), "b": np.zeros(hidden)},
            {"W": rng.uniform(-1, 1, (n_classes, hidden)) / np.sqrt(hidden), "b": np.zeros(n_classes)},
        ]
        self.bufs = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.lams = [float(v) for v in _MIX["lam"]]
        self.perms = _MIX["perm"].copy()
        self.n_classes = n_classes
        self.lr, self.momentum, self.decay, self.smooth = 0.1, 0.9, 1e-3, 0.1
        self.step_no = 0

    def _smoothed(self, labels, dtype):
        K = self.n_classes
        return np.eye(K, dtype=dtype)[labels] * (1.0 - self.smooth) + self.smooth / K

    def _run(self, X, y):
        i = self.step_no % len(self.lams)
        lam, perm = self.lams[i], self.perms[i]
        W1, b1 = self.layers[0]["W"], self.layers[0]["b"]
        W2, b2 = self.layers[1]["W"], self.layers[1]["b"]
        X = np.asarray(X, dtype=W1.dtype)
        Xm = lam * X + (1.0 - lam) * np.take(X, perm, axis=0)
        h = np.tanh(np.einsum("ni,hi->nh", Xm, W1) + b1)
        z = np.einsum("nh,kh->nk", h, W2) + b2
        m = z.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        logp = z - lse
        Ta = self._smoothed(y, W1.dtype)
        Tb = self._smoothed(y[perm], W1.dtype)
        loss = lam * (-(Ta * logp).sum(1).mean()) + (1.0 - lam) * (-(Tb * logp).sum(1).mean())
        return loss, (lam, Xm, h, np.exp(logp), Ta, Tb)

    def loss(self, X, y):
        return self._run(X, y)[0]

    def train_step(self, X, y):
        loss, (lam, Xm, h, probs, Ta, Tb) = self._run(X, y)
        N = len(Xm)
        dz = lam * (probs - Ta) / N + (1.0 - lam) * (probs - Tb) / N
        W2 = self.layers[1]["W"]
        dpre = np.einsum("nk,kh->nh", dz, W2) * (1.0 - h * h)
        grads = [
            {"W": np.einsum("nh,ni->hi", dpre, Xm), "b": dpre.sum(0)},
            {"W": np.einsum("nk,nh->kh", dz, h), "b": dz.sum(0)},
        ]
        for layer, buf, grad in zip(self.layers, self.bufs, grads):
            for k in layer:
                g = grad[k] + self.decay * layer[k]
                buf[k] *= self.momentum
                buf[k] += g
                layer[k] -= self.lr * (g + self.momentum * buf[k])
        self.step_no += 1
        return float(loss)
