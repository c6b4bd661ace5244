"""Mean teacher in NumPy, written another way (correct): the same model as mt_numpy.py.

Layers kept as a list of dicts with W stored (out, in) like nn.Linear; the forward and the
gradients written with einsum; the softmax Jacobian of the consistency term built as an explicit
(N, K, K) matrix; Adam moments and the EMA teacher updated in place.
"""

import numpy as np


class MeanTeacherAlt:
    def __init__(self, n_in=6, hidden=16, n_classes=3, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"W": rng.normal(0.0, 1.0 / np.sqrt(n_in), (hidden, n_in)),
             "b": rng.normal(0.0, 0.1, hidden)},
            {"W": rng.normal(0.0, 1.0 / np.sqrt(hidden), (n_classes, hidden)),
             "b": np.zeros(n_classes)},
        ]
        self.adam = [{k: [np.zeros_like(v), np.zeros_like(v)] for k, v in L.items()}
                     for L in self.layers]
        self.lr, self.beta1, self.beta2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.step_no = 0
        self.teacher = None
        self.decay, self.w_cons = 0.9, 2.0
        self.teacher_logits = None

    @staticmethod
    def run(layers, X):
        h = np.tanh(np.einsum("ni,hi->nh", X, layers[0]["W"]) + layers[0]["b"])
        return np.einsum("nh,kh->nk", h, layers[1]["W"]) + layers[1]["b"], h

    @staticmethod
    def probs(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train_step(self, X, y):
        if self.teacher is None:
            self.teacher = [{k: v.copy() for k, v in L.items()} for L in self.layers]
        logits, h = self.run(self.layers, X)
        t_logits, _ = self.run(self.teacher, X)
        self.teacher_logits = t_logits
        p, q = self.probs(logits), self.probs(t_logits)
        N, K = p.shape
        labeled = np.flatnonzero(y >= 0)

        logp = np.log(p[labeled, y[labeled]])
        loss = -logp.sum() / len(labeled) + self.w_cons * np.sum((p - q) ** 2) / (N * K)

        dp = self.w_cons * 2.0 * (p - q) / (N * K)                       # d loss / d p
        J = np.einsum("nk,kj->nkj", p, np.eye(K, dtype=p.dtype)) - np.einsum("nk,nj->nkj", p, p)
        dz = np.einsum("nkj,nk->nj", J, dp)
        dz[labeled] += p[labeled] / len(labeled)
        dz[labeled, y[labeled]] -= 1.0 / len(labeled)

        grads = [None, None]
        grads[1] = {"W": np.einsum("nk,nh->kh", dz, h), "b": dz.sum(axis=0)}
        dpre = np.einsum("nk,kh->nh", dz, self.layers[1]["W"]) * (1.0 - h * h)
        grads[0] = {"W": np.einsum("nh,ni->hi", dpre, X), "b": dpre.sum(axis=0)}

        self.step_no += 1
        c1 = 1.0 - self.beta1 ** self.step_no
        c2 = 1.0 - self.beta2 ** self.step_no
        for L, G, S in zip(self.layers, grads, self.adam):
            for k in L:
                m, v = S[k]
                m *= self.beta1
                m += (1.0 - self.beta1) * G[k]
                v *= self.beta2
                v += (1.0 - self.beta2) * G[k] * G[k]
                L[k] -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)

        alpha = min(1.0 - 1.0 / (self.step_no + 1), self.decay)
        for L, T in zip(self.layers, self.teacher):
            for k in L:
                T[k] *= alpha
                T[k] += (1.0 - alpha) * L[k]
        return float(loss)
