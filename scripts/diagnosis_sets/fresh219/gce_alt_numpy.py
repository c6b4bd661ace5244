"""Generalized cross-entropy, a second NumPy program: weights in torch's (out, in) layout, einsum
for every product, the GCE gradient through log-probabilities and a general softmax
vector-Jacobian product, Adam updating its state and the weights in place.

    h = tanh(einsum('ni,hi->nh', X, fc1_w) + fc1_b)      fc1_w (16, 6)
    z = einsum('nh,ch->nc', h, fc2_w) + fc2_b             fc2_w (4, 16)
    L = mean_n (1 - exp(q log p_y)) / q,  q 0.7
    dL/dp_y = -exp((q - 1) log p_y) / N;  dL/dz = p * (dL/dp - sum(p * dL/dp))

Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.
"""

import numpy as np


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class GCEAltNet:
    def __init__(self, q=0.7, lr=0.01, seed=5):
        rng = np.random.default_rng(seed)
        self.weights = {
            "fc1_w": rng.uniform(-0.4, 0.4, (16, 6)),
            "fc1_b": rng.uniform(-0.4, 0.4, 16),
            "fc2_w": rng.uniform(-0.25, 0.25, (4, 16)),
            "fc2_b": rng.uniform(-0.25, 0.25, 4),
        }
        self.q, self.lr = q, lr
        self.adam_m = {k: np.zeros_like(w) for k, w in self.weights.items()}
        self.adam_v = {k: np.zeros_like(w) for k, w in self.weights.items()}
        self.n_steps = 0
        self.grads = {}

    def _logp(self, X):
        w = self.weights
        h = np.tanh(np.einsum("ni,hi->nh", X, w["fc1_w"]) + w["fc1_b"])
        return h, log_softmax(np.einsum("nh,ch->nc", h, w["fc2_w"]) + w["fc2_b"])

    def loss(self, X, y):
        _, logp = self._logp(X)
        logpy = logp[np.arange(len(y)), y]
        return np.mean((1 - np.exp(self.q * logpy)) / self.q)

    def train_step(self, X, y):
        w, q = self.weights, self.q
        N = X.shape[0]
        h, logp = self._logp(X)
        rows = np.arange(N)
        logpy = logp[rows, y]
        loss = np.mean((1 - np.exp(q * logpy)) / q)

        p = np.exp(logp)
        dp = np.zeros_like(p)
        dp[rows, y] = -np.exp((q - 1) * logpy) / N
        dz = p * (dp - np.einsum("nc,nc->n", p, dp)[:, None])
        self.grads["fc2_w"] = np.einsum("nc,nh->ch", dz, h)
        self.grads["fc2_b"] = dz.sum(0)
        dpre = np.einsum("nc,ch->nh", dz, w["fc2_w"]) * (1 - h * h)
        self.grads["fc1_w"] = np.einsum("nh,ni->hi", dpre, X)
        self.grads["fc1_b"] = dpre.sum(0)

        self.n_steps += 1
        bc1 = 1 - 0.9 ** self.n_steps
        bc2 = 1 - 0.999 ** self.n_steps
        for k, param in w.items():
            g, m, v = self.grads[k], self.adam_m[k], self.adam_v[k]
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= self.lr * (m / bc1) / (np.sqrt(v / bc2) + 1e-8)
        return loss
