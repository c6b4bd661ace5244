"""A neural n-gram language model over padded sentences, by hand in NumPy.

Four previous tokens (id 0 = padding before the start of a sentence) -> rows of the embedding
table, concatenated into x -> tanh hidden layer; the logits take the hidden layer and, as in
Bengio et al. (2003), a direct connection from the context vector:
    logits = tanh(x W_h^T + b_h) W_out^T + x W_dir^T + b_out
softmax cross-entropy, mean over the batch. Weights kept as nn.Linear keeps them, (out, in).
The pad row of the table stays zero: its gradient is masked out.
Adam (betas 0.9, 0.999, eps 1e-8, bias-corrected) with a linear warm-up of the learning
rate: the k-th update (k = 0, 1, ...) uses lr * min(1, (k + 1) / warmup).
"""

import math

import numpy as np

PAD = 0


class PadLM:
    def __init__(self, vocab=30, context=4, emb_dim=6, hidden=24, lr=0.01, warmup=5,
                 betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.context, self.emb_dim = context, emb_dim
        d = context * emb_dim
        self.emb = rng.standard_normal((vocab, emb_dim))
        self.emb[PAD] = 0.0
        self.W_h = rng.uniform(-1, 1, (hidden, d)) / math.sqrt(d)
        self.b_h = rng.uniform(-1, 1, hidden) / math.sqrt(d)
        self.W_out = rng.uniform(-1, 1, (vocab, hidden)) / math.sqrt(hidden)
        self.b_out = rng.uniform(-1, 1, vocab) / math.sqrt(hidden)
        self.W_dir = rng.uniform(-1, 1, (vocab, d)) / math.sqrt(d) * 0.5
        self.names = ["emb", "W_h", "b_h", "W_out", "b_out", "W_dir"]
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.base_lr, self.warmup = lr, warmup
        self.beta1, self.beta2 = betas
        self.eps = eps

    def lr_factor(self, k):
        return min(1.0, (k + 1) / self.warmup)

    def logits(self, X):
        x = self.emb[X].reshape(len(X), -1)
        h = np.tanh(x @ self.W_h.T + self.b_h)
        return h @ self.W_out.T + x @ self.W_dir.T + self.b_out, x, h

    def loss(self, X, y):
        z = self.logits(X)[0]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def compute_grads(self, X, y):
        N = len(X)
        z, x, h = self.logits(X)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()
        g = np.exp(logp)
        g[np.arange(N), y] -= 1.0
        g /= N                                       # dL/dlogits
        self.grads["W_out"] = g.T @ h
        self.grads["b_out"] = g.sum(axis=0)
        self.grads["W_dir"] = g.T @ x
        dpre = (g @ self.W_out) * (1.0 - h ** 2)
        self.grads["W_h"] = dpre.T @ x
        self.grads["b_h"] = dpre.sum(axis=0)
        dx = dpre @ self.W_h + g @ self.W_dir        # both paths into the context vector
        demb = np.zeros_like(self.emb)
        np.add.at(demb, X, dx.reshape(N, self.context, self.emb_dim))
        demb[PAD] = 0.0                              # the pad row is never trained
        self.grads["emb"] = demb
        return loss

    def adam(self):
        lr = self.base_lr * self.lr_factor(self.t)
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k in self.names:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p = getattr(self, k)
            p -= lr * m_hat / (np.sqrt(v_hat + self.eps))

    def train_step(self, X, y):
        loss = self.compute_grads(X, y)
        self.adam()
        return float(loss)
