"""Dynamic per-sample filter regressor in NumPy: a linear generator reads each row's 2-d context
and, through a softmax over the 3 taps, emits that row's own smoothing kernel k (n, 3); the row's
length-8 signal is filtered with it (valid cross-correlation, f[t] = sum_j k[j] x[t + j], 6
outputs), passed through tanh and a linear head. Mean squared error, plain SGD; the backward pass
goes through the generated filters and the tap softmax by hand.

    X: float (n, 10): signal X[:, :8], context X[:, 8:]
"""

import numpy as np

L, K, N_CTX, LR = 8, 3, 2, 0.3
T = L - K + 1


class FilterNet:
    def __init__(self, seed=65):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wk": rng.normal(0.0, 0.8, (N_CTX, K)),
            "bk": rng.normal(0.0, 0.3, K),
            "Wh": rng.normal(0.0, 1.0 / np.sqrt(T), (T, 1)),
            "bh": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        x, c = X[:, :L], X[:, L:]
        n = len(X)

        s = c @ p["Wk"] + p["bk"]
        s = s - s.max(axis=1, keepdims=True)
        k = np.exp(s)
        k /= k.sum(axis=1, keepdims=True)
        win = np.stack([x[:, j:j + T] for j in range(K)], axis=2)
        f = np.einsum("ntk,nk->nt", win, k)
        a = np.tanh(f)
        out = a @ p["Wh"] + p["bh"]
        err = out - y
        loss = np.mean(err ** 2)

        g = {}
        d_out = 2.0 * err / n
        g["Wh"] = a.T @ d_out
        g["bh"] = d_out.sum(axis=0)
        d_f = (d_out @ p["Wh"].T) * (1.0 - a * a)
        d_k = np.einsum("ntk,nt->nk", win, d_f)
        d_s = k * (d_k - (k * d_k).sum(axis=1, keepdims=True))
        g["Wk"] = c.T @ d_s
        g["bk"] = d_s.sum(axis=0)

        self.grads = g
        for name in p:
            p[name] -= LR * g[name]
        return float(loss)
