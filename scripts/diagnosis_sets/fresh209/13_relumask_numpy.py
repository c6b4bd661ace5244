"""Two-tower retrieval model with a learnable logit scale (CLIP style), from scratch in NumPy.

Query tower: x_q (12) -> dense 32 -> ReLU -> dense 16 -> L2 normalise.
Item tower:  x_i (10) -> dense 32 -> ReLU -> dense 16 -> L2 normalise.
Scores: logits[i, j] = exp(logit_scale) * <q_i, e_j> over every query i and every item j of the
batch (in-batch negatives); loss: softmax cross-entropy of each query's row against its positive
item y[i], averaged over the batch.  Adam (torch.optim.Adam's formula), written by hand.

    X: (N, 22) = [query features | item features], y: int64 (N,) row of each query's positive item.

Parameters (self.params), weights kept (in, out):
    Wq1 (12, 32), bq1 (32,), Wq2 (32, 16), bq2 (16,)
    Wi1 (10, 32), bi1 (32,), Wi2 (32, 16), bi2 (16,)
    logit_scale ()   log of the inverse temperature, starts at log(1 / 0.07)
"""

import math

import numpy as np


class TwoTowerRetriever:
    def __init__(self, query_dim=12, item_dim=10, hidden=32, embed_dim=16, lr=5e-3,
                 betas=(0.9, 0.999), eps=1e-8, temperature=0.07, seed=0):
        rng = np.random.default_rng(seed)
        self.query_dim = query_dim

        def dense(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return (rng.uniform(-bound, bound, (fan_in, fan_out)),
                    rng.uniform(-bound, bound, fan_out))

        p = {}
        p["Wq1"], p["bq1"] = dense(query_dim, hidden)
        p["Wq2"], p["bq2"] = dense(hidden, embed_dim)
        p["Wi1"], p["bi1"] = dense(item_dim, hidden)
        p["Wi2"], p["bi2"] = dense(hidden, embed_dim)
        p["logit_scale"] = np.array(math.log(1.0 / temperature))
        self.params = p
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _tower(self, x, side):
        p = self.params
        z1 = x @ p["W%s1" % side] + p["b%s1" % side]
        h = np.maximum(z1, 0.0)
        z2 = h @ p["W%s2" % side] + p["b%s2" % side]
        norm = np.sqrt(np.sum(z2 * z2, axis=1, keepdims=True))
        e = z2 / norm
        return e, (x, z1, h, norm)

    def _forward(self, X):
        xq, xi = X[:, :self.query_dim], X[:, self.query_dim:]
        q, cache_q = self._tower(xq, "q")
        e, cache_i = self._tower(xi, "i")
        scale = np.exp(self.params["logit_scale"])
        logits = scale * (q @ e.T)
        return logits, (q, e, scale, cache_q, cache_i)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax_xent(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(len(y)), y].mean()
        return loss, np.exp(log_probs)

    def loss(self, X, y):
        return self._softmax_xent(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        N = X.shape[0]
        logits, (q, e, scale, cache_q, cache_i) = self._forward(X)
        loss, probs = self._softmax_xent(logits, y)
        dlogits = probs
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        self.grads["logit_scale"] = np.asarray(np.sum(dlogits * logits))
        dsim = scale * dlogits
        dq = dsim @ e
        de = dsim.T @ q
        p, g = self.params, self.grads

        # query tower
        xq, z1q, hq, norm_q = cache_q
        dz2q = (dq - q * np.sum(dq * q, axis=1, keepdims=True)) / norm_q
        g["Wq2"] = hq.T @ dz2q
        g["bq2"] = dz2q.sum(axis=0)
        dz1q = (dz2q @ p["Wq2"].T) * (z1q > 0)
        g["Wq1"] = xq.T @ dz1q
        g["bq1"] = dz1q.sum(axis=0)

        # item tower
        xi, z1i, hi, norm_i = cache_i
        dz2i = (de - e * np.sum(de * e, axis=1, keepdims=True)) / norm_i
        g["Wi2"] = hi.T @ dz2i
        g["bi2"] = dz2i.sum(axis=0)
        dz1i = (dz2i @ p["Wi2"].T) * (z1q > 0)
        g["Wi1"] = xi.T @ dz1i
        g["bi1"] = dz1i.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def adam_step(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_step()
        return float(loss)
