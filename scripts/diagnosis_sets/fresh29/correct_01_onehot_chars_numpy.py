"""makemore-style character MLP with the embedding written as a matrix product: the context ids
become one-hot rows (np.eye(VOCAB)[X], shape (n, 3, 8)) multiplied into C with np.einsum, so the
table's gradient is the transposed product, no scatter needed. Log-softmax through
np.logaddexp.reduce, heavy-ball momentum (v = mu v + g; p -= lr v) over a list of parameters."""

import numpy as np

VOCAB, BLOCK, DIM, HIDDEN = 8, 3, 4, 12
LR, MU = 0.1, 0.9


class OneHotChars:
    def __init__(self, seed=31):
        g = np.random.default_rng(seed)
        self.C = g.standard_normal((VOCAB, DIM))
        self.W1 = g.standard_normal((BLOCK * DIM, HIDDEN)) / np.sqrt(BLOCK * DIM)
        self.b1 = np.zeros(HIDDEN)
        self.W2 = g.standard_normal((HIDDEN, VOCAB)) * 0.2
        self.b2 = np.zeros(VOCAB)
        self.velocity = [np.zeros_like(p) for p in (self.C, self.W1, self.b1, self.W2, self.b2)]

    def train_step(self, X, Y):
        n = len(X)
        onehot = np.eye(VOCAB)[X]
        emb = np.einsum("ntv,vd->ntd", onehot, self.C).reshape(n, BLOCK * DIM)
        h = np.tanh(emb @ self.W1 + self.b1)
        logits = h @ self.W2 + self.b2
        logp = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        loss = -np.einsum("nk,nk->", Y, logp) / n

        d_logits = (np.exp(logp) - Y) / n
        d_pre = (d_logits @ self.W2.T) * (1 - h * h)
        d_emb = (d_pre @ self.W1.T).reshape(n, BLOCK, DIM)
        grads = (np.einsum("ntv,ntd->vd", onehot, d_emb), emb.T @ d_pre, d_pre.sum(0), h.T @ d_logits,
                 d_logits.sum(0))
        for p, v, g in zip((self.C, self.W1, self.b1, self.W2, self.b2), self.velocity, grads):
            v *= MU
            v += g
            p -= LR * v
        return float(loss)
