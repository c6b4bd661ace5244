"""The Elman tagger of elman_numpy.py written another way: weights in the (in, out) layout in a
list of (name, array) pairs, the input projection of all time steps computed in one matmul
before the recurrence, the padding mask as a float weight on the per-token gradient, the
softmax gradient built with a boolean one-hot, and Adagrad applied in place with np.sqrt(out=).
"""

import numpy as np


class ElmanTagger:
    def __init__(self, n_in=5, hidden=16, n_tags=6, lr=0.05, eps=1e-10, seed=1):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        # drawn in the same order and shapes as elman_numpy.py, then laid out (in, out)
        W_ih = rng.uniform(-k, k, (hidden, n_in))
        W_hh = rng.uniform(-k, k, (hidden, hidden))
        b_ih = rng.uniform(-k, k, hidden)
        b_hh = rng.uniform(-k, k, hidden)
        W_out = rng.uniform(-k, k, (n_tags, hidden))
        b_out = rng.uniform(-k, k, n_tags)
        self.W_xh, self.W_hh, self.b_x, self.b_h = W_ih.T.copy(), W_hh.T.copy(), b_ih, b_hh
        self.W_hy, self.b_y = W_out.T.copy(), b_out
        self.names = ["W_xh", "W_hh", "b_x", "b_h", "W_hy", "b_y"]
        self.lr, self.eps = lr, eps
        self.accum = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {}

    def _forward(self, X):
        X = np.asarray(X, dtype=self.W_xh.dtype)
        N, T, D = X.shape
        proj = (X.reshape(N * T, D) @ self.W_xh).reshape(N, T, -1) + self.b_x + self.b_h
        H = np.zeros((N, T + 1, self.W_hh.shape[0]), dtype=X.dtype)        # H[:, 0] = h_{-1} = 0
        for t in range(T):
            H[:, t + 1] = np.tanh(proj[:, t] + H[:, t] @ self.W_hh)
        out = H[:, 1:] @ self.W_hy + self.b_y
        return X, H, out

    def loss(self, X, y):
        _, _, out = self._forward(X)
        y = np.asarray(y)
        s = out - out.max(-1, keepdims=True)
        lse = np.log(np.exp(s).sum(-1))
        picked = np.take_along_axis(s, y[..., None], -1)[..., 0]
        return ((lse - picked) * (y > 0)).sum() / len(y)

    def train_step(self, X, y):
        X, H, out = self._forward(X)
        y = np.asarray(y)
        N, T, D = X.shape
        w = (y > 0).astype(X.dtype) / N                                     # per-token weight
        s = out - out.max(-1, keepdims=True)
        e = np.exp(s)
        lse = np.log(e.sum(-1))
        picked = np.take_along_axis(s, y[..., None], -1)[..., 0]
        loss = ((lse - picked) * (y > 0)).sum() / N

        hot = np.arange(out.shape[-1]) == y[..., None]
        d_out = (e / e.sum(-1, keepdims=True) - hot) * w[..., None]        # (N, T, C)
        Hs = H[:, 1:]
        g = {"W_hy": Hs.reshape(N * T, -1).T @ d_out.reshape(N * T, -1),
             "b_y": d_out.sum((0, 1))}
        dHs = d_out @ self.W_hy.T
        dA = np.zeros_like(Hs)
        dh = np.zeros_like(Hs[:, 0])
        for t in range(T - 1, -1, -1):
            dA[:, t] = (dHs[:, t] + dh) * (1 - Hs[:, t] ** 2)
            dh = dA[:, t] @ self.W_hh.T
        flat = dA.reshape(N * T, -1)
        g["W_xh"] = X.reshape(N * T, D).T @ flat
        g["W_hh"] = H[:, :-1].reshape(N * T, -1).T @ flat
        g["b_x"] = flat.sum(0)
        g["b_h"] = flat.sum(0)
        self.grads = g

        for n in self.names:
            p, acc = getattr(self, n), self.accum[n]
            acc += g[n] ** 2
            step = np.sqrt(acc)
            step += self.eps
            np.divide(g[n], step, out=step)
            step *= self.lr
            p -= step
        return float(loss)
