"""The character RNN of charrnn_numpy.py written another way: the parameters as attributes, the
embedding lookup as a one-hot matrix product (its gradient one-hot.T @ dx), the states kept in one
(n, T + 1, H) array, the read-out and its gradients with np.einsum over all positions at once,
log-softmax through a log-sum-exp, clipping with np.minimum / np.maximum, Adagrad in place.

    X: int (n, T) character ids, y: int (n, T) the next character at every position
"""

import numpy as np

V, D, H = 13, 6, 10
LR, CLIP, EPS = 0.05, 5.0, 1e-10
NAMES = ("E", "Wxh", "Whh", "bh", "Why", "by")


class CharRNNOneHot:
    def __init__(self, seed=74):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 0.5, (V, D))
        self.Wxh = rng.normal(0.0, 1.0 / np.sqrt(D), (D, H))
        self.Whh = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
        self.bh = np.zeros(H)
        self.Why = rng.normal(0.0, 1.0 / np.sqrt(H), (H, V))
        self.by = np.zeros(V)
        self.mem = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def train_step(self, X, y):
        dt = self.Wxh.dtype
        n, T = X.shape
        onehot = np.eye(V, dtype=dt)[X]                      # (n, T, V)
        emb = onehot @ self.E                                # (n, T, D)
        S = np.zeros((n, T + 1, H), dtype=dt)                # S[:, t + 1] is h_t
        for t in range(T):
            S[:, t + 1] = np.tanh(emb[:, t] @ self.Wxh + S[:, t] @ self.Whh + self.bh)
        hidden = S[:, 1:]
        z = np.einsum("nth,hv->ntv", hidden, self.Why) + self.by
        m = z.max(axis=-1, keepdims=True)
        logp = z - (m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True)))
        target = np.eye(V, dtype=dt)[y]
        loss = -(target * logp).sum()

        dz = np.exp(logp) - target                           # (n, T, V)
        grads = {"Why": np.einsum("nth,ntv->hv", hidden, dz), "by": dz.sum(axis=(0, 1))}
        dstate = np.einsum("ntv,hv->nth", dz, self.Why)
        dpre = np.zeros_like(hidden)
        carry = np.zeros((n, H), dtype=dt)
        for t in range(T - 1, -1, -1):
            dpre[:, t] = (dstate[:, t] + carry) * (1.0 - S[:, t + 1] ** 2)
            carry = dpre[:, t] @ self.Whh.T
        grads["Wxh"] = np.einsum("ntd,nth->dh", emb, dpre)
        grads["Whh"] = np.einsum("nti,nth->ih", S[:, :-1], dpre)
        grads["bh"] = dpre.sum(axis=(0, 1))
        grads["E"] = np.einsum("ntv,ntd->vd", onehot, dpre @ self.Wxh.T)

        for k in grads:
            grads[k] = np.minimum(np.maximum(grads[k], -CLIP), CLIP)
        self.grads = grads
        for k in NAMES:
            w = getattr(self, k)
            self.mem[k] += grads[k] ** 2
            w -= LR * grads[k] / (np.sqrt(self.mem[k]) + EPS)
        return float(loss)
