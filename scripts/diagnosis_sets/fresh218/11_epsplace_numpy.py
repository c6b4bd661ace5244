"""Domain adaptation with an MMD penalty, from scratch in NumPy.

The batch is two batches stacked: the first half (source) is labelled, the second half
(target) is not. One tanh feature layer is shared by both; a linear softmax classifier is
trained on the source rows, and the (biased) squared maximum mean discrepancy between the
source and target features, with a sum of two RBF kernels, is added as a penalty:

    h    = tanh(X @ W1 + b1)                       (N, 16), hs = h[:ns], ht = h[ns:]
    z    = hs @ W2 + b2                            (ns, 3)
    ce   = mean over source rows of -log softmax(z)[y]
    k(a, b) = sum over s2 in (1, 4) of exp(-|a - b|^2 / (2 s2))
    mmd2 = mean k(hs, hs) + mean k(ht, ht) - 2 mean k(hs, ht)
    loss = ce + lam * mmd2                          lam = 1

Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected), as torch.optim.Adam.

Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
Adam state: self.m, self.v (dicts keyed like params), step count self.t.
"""

import numpy as np

SIGMA2 = (1.0, 4.0)


def rbf(A, B):
    """Kernel matrix k(A_i, B_j) and dk/dD (D the squared distance), both (len(A), len(B))."""
    D = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=-1)
    K = np.zeros_like(D)
    dK = np.zeros_like(D)
    for s2 in SIGMA2:
        e = np.exp(-D / (2 * s2))
        K += e
        dK -= e / (2 * s2)
    return K, dK


def rbf_backward(A, B, G):
    """Given G = dL/dK for K = rbf(A, B)[0], return dL/dA and dL/dB."""
    _, dK = rbf(A, B)
    W = G * dK                                   # dL/dD
    dA = 2 * (W.sum(axis=1)[:, None] * A - W @ B)
    dB = 2 * (W.sum(axis=0)[:, None] * B - W.T @ A)
    return dA, dB


class MMDNet:
    def __init__(self, n_in=6, hidden=16, n_cls=3, lam=1.0, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_cls)) / np.sqrt(hidden),
            "b2": np.zeros(n_cls),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lam = lam
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8

    def forward(self, X, y):
        p = self.params
        ns = X.shape[0] // 2
        h = np.tanh(X @ p["W1"] + p["b1"])
        hs, ht = h[:ns], h[ns:]
        z = hs @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        ce = -logp[np.arange(ns), y[:ns]].mean()
        Kss, _ = rbf(hs, hs)
        Ktt, _ = rbf(ht, ht)
        Kst, _ = rbf(hs, ht)
        mmd2 = Kss.mean() + Ktt.mean() - 2 * Kst.mean()
        cache = (X, h, hs, ht, logp, ns, Kss.shape, Ktt.shape, Kst.shape)
        return ce + self.lam * mmd2, cache

    def loss(self, X, y):
        return self.forward(X, y)[0]

    def backward(self, X, y):
        p = self.params
        loss, (X, h, hs, ht, logp, ns, ss, tt, st) = self.forward(X, y)
        # cross-entropy on the source rows
        dz = np.exp(logp)
        dz[np.arange(ns), y[:ns]] -= 1
        dz /= ns
        self.grads["W2"] = hs.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dhs = dz @ p["W2"].T
        dht = np.zeros_like(ht)
        # the penalty: each kernel mean, through both of its arguments
        lam = self.lam
        dA, dB = rbf_backward(hs, hs, np.full(ss, lam / (ss[0] * ss[1]), dtype=h.dtype))
        dhs += dA + dB
        dA, dB = rbf_backward(ht, ht, np.full(tt, lam / (tt[0] * tt[1]), dtype=h.dtype))
        dht += dA + dB
        dA, dB = rbf_backward(hs, ht, np.full(st, -2 * lam / (st[0] * st[1]), dtype=h.dtype))
        dhs += dA
        dht += dB
        dh = np.concatenate([dhs, dht]) * (1 - h ** 2)
        self.grads["W1"] = X.T @ dh
        self.grads["b1"] = dh.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat + self.eps))

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
