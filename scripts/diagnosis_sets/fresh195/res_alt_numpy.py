"""res_numpy.py's model and optimizer written another way: kept (N, C, T) with einsum.

    * the sequence stays channels-first; every product is an np.einsum over the channel axis;
    * the causal convolution shifts the (unpadded) input right by j*d inside a loop over taps
      instead of slicing a padded copy;
    * sigmoid as 0.5 * (1 + tanh(g / 2)), the MSE derivative as err * (2 / size);
    * Nesterov momentum in the expanded form p -= lr * ((1 + mu) g + mu^2 v_old), velocity
      updated in place (v *= mu; v += g), the same step as torch.optim.SGD(nesterov=True).

Parameters, same keys and layouts as res_numpy.py: kernels (tap, in, out), 1x1 weights (in, out).
"""

import math

import numpy as np


def shift(a, s):
    """a (N, C, T) delayed by s steps along time, zeros in front."""
    if s == 0:
        return a
    out = np.zeros_like(a)
    out[:, :, s:] = a[:, :, :-s]
    return out


def unshift(a, s):
    """The adjoint of shift: move s steps earlier, zeros at the end."""
    if s == 0:
        return a
    out = np.zeros_like(a)
    out[:, :, :-s] = a[:, :, s:]
    return out


class ResWaveNet:
    def __init__(self, seed=1):
        rng = np.random.default_rng(seed)
        cin, ch, sk, hid, k = 3, 8, 8, 8, 3
        self.k, self.dil = k, (1, 2, 4)
        P = {"in.W": rng.normal(0, 1 / math.sqrt(cin), (cin, ch)), "in.b": np.zeros(ch)}
        for i in range(3):
            std = 1 / math.sqrt(k * ch)
            P[f"block{i}.Wf"] = rng.normal(0, std, (k, ch, ch))
            P[f"block{i}.bf"] = np.zeros(ch)
            P[f"block{i}.Wg"] = rng.normal(0, std, (k, ch, ch))
            P[f"block{i}.bg"] = np.zeros(ch)
            if i < 2:
                P[f"block{i}.Wr"] = rng.normal(0, 1 / math.sqrt(ch), (ch, ch))
                P[f"block{i}.br"] = np.zeros(ch)
            P[f"block{i}.Ws"] = rng.normal(0, 1 / math.sqrt(ch), (ch, sk))
            P[f"block{i}.bs"] = np.zeros(sk)
        P["head.W1"] = rng.normal(0, 1 / math.sqrt(sk), (sk, hid))
        P["head.b1"] = np.full(hid, 0.1)
        P["head.Wo"] = rng.normal(0, 1 / math.sqrt(hid), (hid, 1))
        P["head.bo"] = np.zeros(1)
        self.params = P
        self.grads = {}
        self.velocity = {n: np.zeros_like(a) for n, a in P.items()}
        self.lr, self.mu = 0.05, 0.9

    @staticmethod
    def _lin(x, W, b):
        return np.einsum("nit,io->not", x, W) + b[:, None]

    def _conv(self, x, W, b, d):
        # output[t] = sum_j x[t - (k-1-j)*d] @ W[j]  (tap k-1 is the current step)
        out = b[:, None] + np.zeros((x.shape[0], W.shape[2], x.shape[2]), x.dtype)
        for j in range(self.k):
            out = out + np.einsum("nit,io->not", shift(x, (self.k - 1 - j) * d), W[j])
        return out

    def forward(self, X):
        P = self.params
        X = np.asarray(X, P["in.W"].dtype)
        x = self._lin(X, P["in.W"], P["in.b"])
        skip = 0.0
        mem = []
        for i, d in enumerate(self.dil):
            pre = f"block{i}."
            a = np.tanh(self._conv(x, P[pre + "Wf"], P[pre + "bf"], d))
            s = 0.5 * (1.0 + np.tanh(0.5 * self._conv(x, P[pre + "Wg"], P[pre + "bg"], d)))
            z = a * s
            skip = skip + self._lin(z, P[pre + "Ws"], P[pre + "bs"])
            mem.append((x, a, s, z))
            if pre + "Wr" in P:
                x = x + self._lin(z, P[pre + "Wr"], P[pre + "br"])
        u = self._lin(np.maximum(skip, 0.0), P["head.W1"], P["head.b1"])
        h = np.maximum(u, 0.0)
        out = self._lin(h, P["head.Wo"], P["head.bo"])
        return out, (X, mem, skip, u, h)

    def loss(self, X, y):
        return float(np.mean((self.forward(X)[0] - y) ** 2))

    def train_step(self, X, y):
        P = self.params
        out, (X, mem, skip, u, h) = self.forward(X)
        err = out - np.asarray(y, out.dtype)
        loss = float(np.mean(err * err))
        G = {}
        dout = err * (2.0 / err.size)
        G["head.Wo"] = np.einsum("nit,not->io", h, dout)
        G["head.bo"] = dout.sum(axis=(0, 2))
        du = np.einsum("io,not->nit", P["head.Wo"], dout) * (u > 0)
        r = np.maximum(skip, 0.0)
        G["head.W1"] = np.einsum("nit,not->io", r, du)
        G["head.b1"] = du.sum(axis=(0, 2))
        dskip = np.einsum("io,not->nit", P["head.W1"], du) * (skip > 0)
        dx = np.zeros_like(mem[0][0])
        for i in (2, 1, 0):
            d, pre = self.dil[i], f"block{i}."
            xin, a, s, z = mem[i]
            G[pre + "Ws"] = np.einsum("nit,not->io", z, dskip)
            G[pre + "bs"] = dskip.sum(axis=(0, 2))
            dz = np.einsum("io,not->nit", P[pre + "Ws"], dskip)
            if pre + "Wr" in P:
                G[pre + "Wr"] = np.einsum("nit,not->io", z, dx)
                G[pre + "br"] = dx.sum(axis=(0, 2))
                dz = dz + np.einsum("io,not->nit", P[pre + "Wr"], dx)
            df = dz * s * (1.0 - a * a)
            dg = dz * a * s * (1.0 - s)
            G[pre + "bf"] = df.sum(axis=(0, 2))
            G[pre + "bg"] = dg.sum(axis=(0, 2))
            G[pre + "Wf"] = np.zeros_like(P[pre + "Wf"])
            G[pre + "Wg"] = np.zeros_like(P[pre + "Wg"])
            dxin = np.zeros_like(xin)
            for j in range(self.k):
                lag = (self.k - 1 - j) * d
                xs = shift(xin, lag)
                G[pre + "Wf"][j] = np.einsum("nit,not->io", xs, df)
                G[pre + "Wg"][j] = np.einsum("nit,not->io", xs, dg)
                dxin += unshift(np.einsum("io,not->nit", P[pre + "Wf"][j], df)
                                + np.einsum("io,not->nit", P[pre + "Wg"][j], dg), lag)
            dx = dx + dxin
        G["in.W"] = np.einsum("nit,not->io", X, dx)
        G["in.b"] = dx.sum(axis=(0, 2))
        self.grads = G
        mu, lr = self.mu, self.lr
        for n, p in P.items():
            v = self.velocity[n]
            p -= lr * ((1.0 + mu) * G[n] + (mu * mu) * v)
            v *= mu
            v += G[n]
        return loss
