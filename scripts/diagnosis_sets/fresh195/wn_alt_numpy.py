"""The WaveNet of wn_numpy.py written another way (same model, same Adam).

    * dilated kernels kept tap-major, (k, out, in), and applied through an im2col stack of the
      shifted inputs: cols[j] = xpad[..., j*d : j*d+T];
    * the filter and gate convolutions done as ONE convolution with the two kernels stacked on
      the output axis, the result split in halves (and the gradient stacked the same way);
    * sigmoid written as 0.5 * (1 + tanh(g / 2));
    * Adam updates every array in place.

Parameters self.params: Win (8, 1), b_in, Wf{l}/Wg{l} (2, 8, 8) as (tap, out, in), bf{l}, bg{l},
Wr{l} (8, 8) (out, in) for l = 0, 1, br{l}, Ws{l} (12, 8), bs{l}, Wo (1, 12), bo.
"""

import math

import numpy as np


class WaveNet:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        R, S, C, K = 8, 12, 1, 2
        self.K = K
        self.dil = [1, 2, 4]
        P = {"Win": rng.standard_normal((R, C)) / math.sqrt(C), "b_in": np.zeros(R)}
        for l in range(3):
            P[f"Wf{l}"] = rng.standard_normal((K, R, R)) / math.sqrt(R * K)
            P[f"bf{l}"] = rng.standard_normal(R) * 0.1
            P[f"Wg{l}"] = rng.standard_normal((K, R, R)) / math.sqrt(R * K)
            P[f"bg{l}"] = rng.standard_normal(R) * 0.1
            if l < 2:
                P[f"Wr{l}"] = rng.standard_normal((R, R)) / math.sqrt(R)
                P[f"br{l}"] = np.zeros(R)
            P[f"Ws{l}"] = rng.standard_normal((S, R)) / math.sqrt(R)
            P[f"bs{l}"] = rng.standard_normal(S) * 0.1
        P["Wo"] = rng.standard_normal((1, S)) / math.sqrt(S)
        P["bo"] = np.zeros(1)
        self.params = P
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in P.items()}
        self.v = {k: np.zeros_like(v) for k, v in P.items()}
        self.t = 0
        self.lr, self.b1, self.b2, self.eps = 0.01, 0.9, 0.999, 1e-8

    def _run(self, X, y=None):
        P = self.params
        X = np.asarray(X, P["Win"].dtype)
        N, _, T = X.shape
        x = np.einsum("rc,nct->nrt", P["Win"], X) + P["b_in"][None, :, None]
        R = x.shape[1]
        skip = np.zeros((N, P["Wo"].shape[1], T), x.dtype)
        tape = []
        for l, d in enumerate(self.dil):
            pad = d * (self.K - 1)
            xpad = np.concatenate([np.zeros((N, R, pad), x.dtype), x], axis=2)
            cols = np.stack([xpad[:, :, j * d:j * d + T] for j in range(self.K)])   # (K, N, R, T)
            W = np.concatenate([P[f"Wf{l}"], P[f"Wg{l}"]], axis=1)                  # (K, 2R, R)
            b = np.concatenate([P[f"bf{l}"], P[f"bg{l}"]])
            fg = np.einsum("koi,knit->not", W, cols) + b[None, :, None]
            a = np.tanh(fg[:, :R])
            s = 0.5 * (1.0 + np.tanh(0.5 * fg[:, R:]))
            z = a * s
            skip += np.einsum("sr,nrt->nst", P[f"Ws{l}"], z) + P[f"bs{l}"][None, :, None]
            if l < 2:
                x = x + np.einsum("or,nrt->not", P[f"Wr{l}"], z) + P[f"br{l}"][None, :, None]
            tape.append((cols, W, a, s, z))
        h = np.where(skip > 0, skip, 0.0)
        out = np.einsum("os,nst->not", P["Wo"], h) + P["bo"][None, :, None]
        if y is None:
            return out
        y = np.asarray(y, out.dtype)
        r = out - y
        loss = (r * r).sum() / r.size
        G = {}
        dout = r * (2.0 / r.size)
        G["Wo"] = np.einsum("not,nst->os", dout, h)
        G["bo"] = dout.sum(axis=(0, 2))
        dskip = np.where(skip > 0, np.einsum("os,not->nst", P["Wo"], dout), 0.0)
        dres = np.zeros_like(x)
        for l in (2, 1, 0):
            d = self.dil[l]
            cols, W, a, s, z = tape[l]
            G[f"Ws{l}"] = np.einsum("nst,nrt->sr", dskip, z)
            G[f"bs{l}"] = dskip.sum(axis=(0, 2))
            dz = np.einsum("sr,nst->nrt", P[f"Ws{l}"], dskip)
            if l < 2:
                G[f"Wr{l}"] = np.einsum("not,nrt->or", dres, z)
                G[f"br{l}"] = dres.sum(axis=(0, 2))
                dz += np.einsum("or,not->nrt", P[f"Wr{l}"], dres)
            dfg = np.concatenate([dz * s * (1.0 - a) * (1.0 + a), dz * a * s * (1.0 - s)], axis=1)
            dW = np.einsum("not,knit->koi", dfg, cols)
            G[f"Wf{l}"], G[f"Wg{l}"] = dW[:, :R].copy(), dW[:, R:].copy()
            db = dfg.sum(axis=(0, 2))
            G[f"bf{l}"], G[f"bg{l}"] = db[:R].copy(), db[R:].copy()
            dcols = np.einsum("koi,not->knit", W, dfg)                              # (K, N, R, T)
            dxpad = np.zeros((N, R, T + d * (self.K - 1)), x.dtype)
            for j in range(self.K):
                dxpad[:, :, j * d:j * d + T] += dcols[j]
            dres = dres + dxpad[:, :, d * (self.K - 1):]
        G["Win"] = np.einsum("nrt,nct->rc", dres, X)
        G["b_in"] = dres.sum(axis=(0, 2))
        return out, loss, G

    def loss(self, X, y):
        return float(self._run(X, y)[1])

    def train_step(self, X, y):
        _, loss, self.grads = self._run(X, y)
        self.t += 1
        lr_t = self.lr / (1.0 - self.b1 ** self.t)
        c2 = 1.0 - self.b2 ** self.t
        for k, w in self.params.items():
            g, m, v = self.grads[k], self.m[k], self.v[k]
            m *= self.b1
            m += (1.0 - self.b1) * g
            v *= self.b2
            v += (1.0 - self.b2) * (g * g)
            w -= lr_t * m / (np.sqrt(v / c2) + self.eps)
        return float(loss)
