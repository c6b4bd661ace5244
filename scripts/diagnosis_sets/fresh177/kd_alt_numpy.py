"""The same distillation as kd_numpy.py, written another way.

Layers as a list of dicts, each W kept (out, in) as torch does, products by einsum; the
log-softmax through a log-sum-exp helper; the two loss terms' logit gradients folded into
one expression; the momentum update done in place (v *= mu; v += g; W -= lr v).
"""

import numpy as np


def logsumexp(z):
    m = z.max(axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))


class KDStudentLayers:
    def __init__(self, sizes=(10, 32, 5), T=4.0, alpha=0.7, lr=0.05, momentum=0.9, seed=3):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            self.layers.append({
                "W": rng.normal(0.0, 1.0 / np.sqrt(fan_in), (fan_out, fan_in)),
                "b": rng.normal(0.0, 0.05, fan_out),
            })
        self.vel = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.T, self.alpha, self.lr, self.mu = T, alpha, lr, momentum

    def _forward(self, X):
        acts = [X]
        pre = []
        for i, layer in enumerate(self.layers):
            z = np.einsum("ni,oi->no", acts[-1], layer["W"]) + layer["b"]
            pre.append(z)
            acts.append(np.maximum(z, 0.0) if i < len(self.layers) - 1 else z)
        return acts, pre

    def _objective(self, s, y):
        T, alpha = self.T, self.alpha
        n = len(s)
        idx = y[:, 0].astype(np.int64)
        tT = y[:, 1:] / T
        sT = s / T
        log_p = tT - logsumexp(tT)
        log_q = sT - logsumexp(sT)
        kl = np.einsum("nc,nc->", np.exp(log_p), log_p - log_q) / n
        ce = np.mean(logsumexp(s)[:, 0] - s[np.arange(n), idx])
        loss = alpha * T * T * kl + (1 - alpha) * ce
        target = (1 - alpha) * np.eye(s.shape[1])[idx]
        # alpha T (q - p) + (1 - alpha) (softmax(s) - onehot), over the batch
        ds = (alpha * T * (np.exp(log_q) - np.exp(log_p))
              + (1 - alpha) * np.exp(s - logsumexp(s)) - target) / n
        return loss, ds

    def loss(self, X, y):
        acts, _ = self._forward(X)
        return self._objective(acts[-1], y)[0]

    def train_step(self, X, y):
        acts, pre = self._forward(X)
        loss, delta = self._objective(acts[-1], y)
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            grads[i] = {"W": np.einsum("no,ni->oi", delta, acts[i]), "b": delta.sum(axis=0)}
            if i > 0:
                delta = np.einsum("no,oi->ni", delta, self.layers[i]["W"]) * (pre[i - 1] > 0)
        self.grads = grads
        for layer, vel, g in zip(self.layers, self.vel, grads):
            for k in layer:
                vel[k] *= self.mu
                vel[k] += g[k]
                layer[k] -= self.lr * vel[k]
        return loss
