"""The four-class distillation student of kd_cls_numpy.py written around one flat parameter vector.

Every parameter lives in self.theta; W1 (HIDDEN, D), b1, W2 (K, HIDDEN) and b2 are reshaped views
into it, the weights kept (out, in) like torch's. The gradients are written into views of one
flat vector, the Nesterov buffer is one flat vector, and the weight decay is a flat 0/WD mask, so
the whole update is three vector lines. The soft term is written through the log-sum-exp:
-sum_k p_t log softmax(s / T) = logsumexp(s / T) - sum_k p_t s / T. The smoothed target is built by
filling SMOOTH / K and adding 1 - SMOOTH at the label. Same model, loss, optimizer and warm-up.

    X: float (n, 14) features then teacher logits, y: int (n,) hard labels
"""

import numpy as np

D, K, HIDDEN = 10, 4, 16
T, ALPHA, SMOOTH = 3.0, 0.7, 0.1
LR, MU, WD, WARMUP = 0.05, 0.9, 5e-4, 4


def logsumexp(z):
    top = z.max(axis=1, keepdims=True)
    return top + np.log(np.exp(z - top).sum(axis=1, keepdims=True))


class KDStudentFlat:
    shapes = [("W1", (HIDDEN, D)), ("b1", (HIDDEN,)), ("W2", (K, HIDDEN)), ("b2", (K,))]

    def __init__(self, seed=104):
        rng = np.random.default_rng(seed)
        sizes = [int(np.prod(s)) for _, s in self.shapes]
        self.theta = np.zeros(sum(sizes))
        self.gflat = np.zeros_like(self.theta)
        self.buf = np.zeros_like(self.theta)
        self.wd_mask = np.zeros_like(self.theta)
        self.grads = {}
        offset = 0
        for (name, shape), size in zip(self.shapes, sizes):
            setattr(self, name, self.theta[offset:offset + size].reshape(shape))
            self.grads[name] = self.gflat[offset:offset + size].reshape(shape)
            if name.startswith("W"):
                self.wd_mask[offset:offset + size] = WD
            offset += size
        self.W1[...] = rng.normal(0.0, np.sqrt(2.0 / D), (HIDDEN, D))
        self.W2[...] = rng.normal(0.0, np.sqrt(1.0 / HIDDEN), (K, HIDDEN))
        self.steps = 0

    def _pass(self, X, y):
        n = len(X)
        x, t_logits = X[:, :D], X[:, D:]
        z1 = np.einsum("nd,hd->nh", x, self.W1) + self.b1
        h = np.where(z1 > 0, z1, 0.0)
        s = np.einsum("nh,kh->nk", h, self.W2) + self.b2
        q = np.full_like(s, SMOOTH / K)
        q[np.arange(n), y] += 1.0 - SMOOTH
        e_t = np.exp(t_logits / T - t_logits.max(axis=1, keepdims=True) / T)
        p_t = e_t / e_t.sum(axis=1, keepdims=True)
        lse1, lseT = logsumexp(s), logsumexp(s / T)
        hard = np.mean(lse1[:, 0] - np.sum(q * s, axis=1))
        soft = np.mean(lseT[:, 0] - np.sum(p_t * s, axis=1) / T) * T ** 2
        loss = (1.0 - ALPHA) * hard + ALPHA * soft
        return loss, (n, x, z1, h, s, q, p_t, lse1, lseT)

    def loss(self, X, y):
        return self._pass(X, y)[0]

    def train_step(self, X, y):
        loss, (n, x, z1, h, s, q, p_t, lse1, lseT) = self._pass(X, y)
        p1 = np.exp(s - lse1)
        pT = np.exp(s / T - lseT)
        ds = ((1.0 - ALPHA) * (p1 - q) + ALPHA * T * (pT - p_t)) / n
        self.grads["W2"][...] = np.einsum("nk,nh->kh", ds, h)
        self.grads["b2"][...] = np.einsum("nk->k", ds)
        dz1 = np.einsum("nk,kh->nh", ds, self.W2) * (z1 > 0)
        self.grads["W1"][...] = np.einsum("nh,nd->hd", dz1, x)
        self.grads["b1"][...] = np.einsum("nh->h", dz1)

        self.steps += 1
        rate = LR * min(1.0, self.steps / WARMUP)
        d_p = self.gflat + self.wd_mask * self.theta
        self.buf *= MU
        self.buf += d_p
        self.theta -= rate * (d_p + MU * self.buf)
        return float(loss)
