"""Adamax classifier of adamax_numpy.py written another way (correct): weights kept in torch's
(out, in) layout, the forward pass and weight gradients by einsum, the softmax gradient through a
one-hot matrix, and the optimizer state updated in place (m *= beta1; m += ...; np.maximum(...,
out=u)); the bias correction folded into the step size.

Parameters self.params: W1 (24, 8), b1 (24,), W2 (3, 24), b2 (3,).
"""

import math

import numpy as np


class AdamaxMLPT:
    def __init__(self, n_in=8, n_hidden=24, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0):
        rng = np.random.default_rng(seed)
        W1 = rng.standard_normal((n_in, n_hidden)) / math.sqrt(n_in)
        W2 = rng.standard_normal((n_hidden, n_out)) / math.sqrt(n_hidden)
        self.params = {"W1": np.ascontiguousarray(W1.T), "b1": np.zeros(n_hidden),
                       "W2": np.ascontiguousarray(W2.T), "b2": np.zeros(n_out)}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.u = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def _forward(self, X):
        P = self.params
        h = np.tanh(np.einsum("ni,hi->nh", X, P["W1"]) + P["b1"])
        logits = np.einsum("nh,oh->no", h, P["W2"]) + P["b2"]
        return h, logits

    @staticmethod
    def _log_probs(logits):
        s = logits - logits.max(axis=1, keepdims=True)
        return s - np.log(np.exp(s).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        logp = self._log_probs(self._forward(X)[1])
        onehot = np.eye(logp.shape[1], dtype=logp.dtype)[y]
        return -(onehot * logp).sum() / len(y)

    def train_step(self, X, y):
        P, G = self.params, self.grads
        n = len(y)
        h, logits = self._forward(X)
        logp = self._log_probs(logits)
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        loss = -(onehot * logp).sum() / n

        d_out = (np.exp(logp) - onehot) / n
        G["W2"] = np.einsum("no,nh->oh", d_out, h)
        G["b2"] = d_out.sum(axis=0)
        d_h = np.einsum("no,oh->nh", d_out, P["W2"]) * (1.0 - h * h)
        G["W1"] = np.einsum("nh,ni->hi", d_h, X)
        G["b1"] = d_h.sum(axis=0)

        self.t += 1
        step_size = self.lr / (1.0 - self.beta1 ** self.t)
        for k in P:
            g = G[k]
            m, u = self.m[k], self.u[k]
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            u *= self.beta2
            np.maximum(u, np.abs(g) + self.eps, out=u)
            P[k] -= step_size * (m / u)
        return float(loss)
