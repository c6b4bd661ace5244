"""The 1-D mixture density network of mdn1d_numpy.py written another way (correct).

Weights kept in torch's (out, in) layout in one flat dict keyed "layer.W" / "layer.b", products by
einsum, the log-sum-exps by np.logaddexp.reduce, the responsibilities and mixture weights as
softmaxes, and Adam in torch's own form (denominator sqrt(v) / sqrt(1 - beta2^t) + eps, step
lr / (1 - beta1^t)) with the moments updated in place.
"""

import math

import numpy as np

LOG_2PI = math.log(2.0 * math.pi)
HEADS = ("pi", "mu", "ls")


def softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class MDN1DAlt:
    def __init__(self, hidden=24, K=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=7):
        rng = np.random.default_rng(seed)
        p = {"hidden.W": rng.standard_normal((hidden, 1)),
             "hidden.b": rng.uniform(-1.0, 1.0, hidden)}
        for head, scale, bias in (("pi", 1.0, np.zeros(K)), ("mu", 1.0, np.linspace(-1.0, 1.0, K)),
                                  ("ls", 0.1, np.full(K, -1.0))):
            p[head + ".W"] = rng.standard_normal((K, hidden)) * scale / math.sqrt(hidden)
            p[head + ".b"] = bias
        self.params = {k: v.astype(np.float32) for k, v in p.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.t = 0

    def _dense(self, name, x):
        return np.einsum("ni,oi->no", x, self.params[name + ".W"]) + self.params[name + ".b"]

    def _forward(self, X, y):
        h = np.tanh(self._dense("hidden", X))
        logits, mu, ls = (self._dense(head, h) for head in HEADS)
        log_pi = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        z = (y - mu) * np.exp(-ls)
        a = log_pi - 0.5 * z * z - ls - 0.5 * LOG_2PI
        loss = -np.mean(np.logaddexp.reduce(a, axis=1))
        return loss, h, logits, z, a

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def train_step(self, X, y):
        N = X.shape[0]
        loss, h, logits, z, a = self._forward(X, y)
        gamma = softmax(a)
        d = {"pi": (softmax(logits) - gamma) / N,
             "mu": -gamma * z * np.exp(-self._dense("ls", h)) / N,
             "ls": (gamma - gamma * z * z) / N}
        dh = np.zeros_like(h)
        for head in HEADS:
            self.grads[head + ".W"] = np.einsum("nk,nh->kh", d[head], h)
            self.grads[head + ".b"] = d[head].sum(axis=0)
            dh += np.einsum("nk,kh->nh", d[head], self.params[head + ".W"])
        dpre = dh * (1.0 - h * h)
        self.grads["hidden.W"] = np.einsum("nh,ni->hi", dpre, X)
        self.grads["hidden.b"] = dpre.sum(axis=0)

        self.t += 1
        step_size = self.lr / (1.0 - self.beta1 ** self.t)
        bc2_sqrt = math.sqrt(1.0 - self.beta2 ** self.t)
        for k, p in self.params.items():
            g = self.grads[k]
            m, v = self.m[k], self.v[k]
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            p -= step_size * m / (np.sqrt(v) / bc2_sqrt + self.eps)
        return float(loss)
