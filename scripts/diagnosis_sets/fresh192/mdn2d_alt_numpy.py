"""The 2-D mixture density network of mdn2d_numpy.py written another way (correct).

Weights kept in torch's (out, in) layout in a dict, the layers walked in a loop, softplus as
np.logaddexp(0, s) and its derivative as 1 - exp(-softplus(s)) (= sigmoid(s)), the entropy
gradient through dH/dpi and the softmax Jacobian, and RMSprop updated in place.
"""

import math

import numpy as np

SIGMA_MIN = 0.05
LAM = 0.1
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


class MDN2DAlt:
    def __init__(self, hidden=16, K=4, lr=0.005, alpha=0.9, eps=1e-8, seed=3):
        rng = np.random.default_rng(seed)
        self.K = K
        b3 = np.zeros(5 * K)
        b3[K:3 * K] = rng.uniform(-1.0, 1.0, 2 * K)
        b3[3 * K:] = -0.5
        p = {"fc1_w": rng.standard_normal((hidden, 2)) * 0.8, "fc1_b": 0.1 * rng.standard_normal(hidden),
             "fc2_w": rng.standard_normal((hidden, hidden)) / math.sqrt(hidden), "fc2_b": np.zeros(hidden),
             "out_w": rng.standard_normal((5 * K, hidden)) * 0.5 / math.sqrt(hidden), "out_b": b3}
        self.params = {k: v.astype(np.float32) for k, v in p.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.layers = ("fc1", "fc2", "out")
        self.lr, self.alpha, self.eps = lr, alpha, eps

    def _forward(self, X, y):
        acts = [X]
        for i, name in enumerate(self.layers):
            pre = acts[-1] @ self.params[name + "_w"].T + self.params[name + "_b"]
            acts.append(np.tanh(pre) if i < len(self.layers) - 1 else pre)
        out = acts.pop()
        K, N = self.K, X.shape[0]
        logits, mu, s = out[:, :K], out[:, K:3 * K].reshape(N, K, 2), out[:, 3 * K:].reshape(N, K, 2)
        sp = np.logaddexp(0.0, s)
        sigma = sp + SIGMA_MIN
        m = logits.max(axis=1, keepdims=True)
        log_pi = logits - (m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True)))
        z = (y[:, None, :] - mu) / sigma
        a = log_pi - (0.5 * z * z + np.log(sigma)).sum(axis=2) - 2 * HALF_LOG_2PI
        am = a.max(axis=1, keepdims=True)
        lse = am[:, 0] + np.log(np.exp(a - am).sum(axis=1))
        pi = np.exp(log_pi)
        H = -np.sum(pi * log_pi, axis=1)
        loss = -np.mean(lse) - LAM * np.mean(H)
        return loss, acts, sp, sigma, pi, log_pi, z, a, lse

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def train_step(self, X, y):
        K, N = self.K, X.shape[0]
        loss, acts, sp, sigma, pi, log_pi, z, a, lse = self._forward(X, y)
        gamma = np.exp(a - lse[:, None])
        # entropy: dH/dpi_k = -(log pi_k + 1), through the softmax Jacobian
        dH_dpi = -(log_pi + 1.0)
        dH_dlogits = pi * (dH_dpi - (pi * dH_dpi).sum(axis=1, keepdims=True))
        dlogits = (pi - gamma - LAM * dH_dlogits) / N
        gz = gamma[:, :, None] * z / sigma
        dmu = -gz / N
        ds = (gamma[:, :, None] / sigma - gz * z) * (1.0 - np.exp(-sp)) / N
        delta = np.concatenate([dlogits, dmu.reshape(N, -1), ds.reshape(N, -1)], axis=1)
        for i in reversed(range(len(self.layers))):
            name = self.layers[i]
            self.grads[name + "_w"] = delta.T @ acts[i]
            self.grads[name + "_b"] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.params[name + "_w"]) * (1.0 - acts[i] ** 2)
        for k, p in self.params.items():
            g, sq = self.grads[k], self.sq[k]
            sq *= self.alpha
            sq += (1.0 - self.alpha) * np.square(g)
            p -= self.lr * g / (np.sqrt(sq) + self.eps)
        return float(loss)
