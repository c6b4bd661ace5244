"""The same 1-D U-Net as unet_numpy.py, written another way: kernels kept (k, cin, cout) and
applied as one im2col matrix product, the loss gradient written in one expression, Adam
moments updated in place."""

import numpy as np


def im2col(x, K, pad):
    """(N, C, L) -> (N, L_out, K*C), columns ordered (k, c)."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad))).transpose(0, 2, 1)    # (N, L+2p, C)
    Lout = xp.shape[1] - K + 1
    return np.concatenate([xp[:, k:k + Lout, :] for k in range(K)], axis=2)


def col2im(dcols, K, C, pad):
    N, Lout, _ = dcols.shape
    dxp = np.zeros((N, Lout + K - 1, C), dtype=dcols.dtype)
    for k in range(K):
        dxp[:, k:k + Lout, :] += dcols[:, :, k * C:(k + 1) * C]
    return dxp[:, pad:dxp.shape[1] - pad, :].transpose(0, 2, 1)


class Conv:
    def __init__(self, W, b, pad):
        self.W, self.b, self.pad = W, b, pad

    def __call__(self, params, name, x):
        W, b = params["W_" + name], params["b_" + name]
        K, C, O = W.shape
        cols = im2col(x, K, self.pad)
        out = (cols @ W.reshape(K * C, O) + b).transpose(0, 2, 1)
        return out, cols

    def back(self, params, name, dout, cols, grads, need_dx=True):
        W = params["W_" + name]
        K, C, O = W.shape
        d = dout.transpose(0, 2, 1)                                         # (N, L, O)
        grads["W_" + name] = np.tensordot(cols, d, axes=([0, 1], [0, 1])).reshape(K, C, O)
        grads["b_" + name] = d.sum(axis=(0, 1))
        if need_dx:
            return col2im(d @ W.reshape(K * C, O).T, K, C, self.pad)


class UNet1D:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params, self.convs = {}, {}
        for name, (cout, cin, k), pad in [("enc", (6, 2, 3), 1), ("down", (8, 6, 2), 0),
                                          ("mid", (8, 8, 3), 1), ("dec", (6, 14, 3), 1),
                                          ("head", (1, 6, 1), 0)]:
            bound = 1.0 / np.sqrt(cin * k)
            self.params["W_" + name] = rng.uniform(-bound, bound, (k, cin, cout))
            self.params["b_" + name] = rng.uniform(-bound, bound, cout)
            self.convs[name] = Conv(None, None, pad)
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def _run(self, X):
        P, c = self.params, self.convs
        cache = {}
        z1, cache["enc"] = c["enc"](P, "enc", X)
        e1 = np.maximum(z1, 0)
        # stride-2 kernel-2 conv: non-overlapping windows, so a reshape is its im2col
        N, C, L = e1.shape
        cols2 = e1.transpose(0, 2, 1).reshape(N, L // 2, 2 * C)
        z2 = (cols2 @ P["W_down"].reshape(2 * C, -1) + P["b_down"]).transpose(0, 2, 1)
        cache["down"] = cols2
        d = np.maximum(z2, 0)
        z3, cache["mid"] = c["mid"](P, "mid", d)
        m = np.maximum(z3, 0)
        u = np.stack([m, m], axis=3).reshape(N, m.shape[1], L)
        z4, cache["dec"] = c["dec"](P, "dec", np.concatenate([u, e1], axis=1))
        h = np.maximum(z4, 0)
        z, cache["head"] = c["head"](P, "head", h)
        return z, (z1, z2, z3, z4, cache)

    @staticmethod
    def _objective(z, y):
        p = 1.0 / (1.0 + np.exp(-z))
        N = z.shape[0]
        s_py = np.einsum("ncl,ncl->n", p, y)
        s = p.sum(axis=(1, 2)) + y.sum(axis=(1, 2)) + 1.0
        dice = (2.0 * s_py + 1.0) / s
        bce = np.mean(np.logaddexp(0.0, z) - y * z)
        loss = np.mean(1.0 - dice) + bce
        dz = (p - y) / z.size - p * (1.0 - p) * (2.0 * y / s[:, None, None]
                                                - dice[:, None, None] / s[:, None, None]) / N
        return loss, dz

    def loss(self, X, y):
        return self._objective(self._run(X)[0], y)[0]

    def train_step(self, X, y):
        P, c, g = self.params, self.convs, self.grads
        z, (z1, z2, z3, z4, cache) = self._run(X)
        loss, dz = self._objective(z, y)
        dh = c["head"].back(P, "head", dz, cache["head"], g)
        dcat = c["dec"].back(P, "dec", dh * (z4 > 0), cache["dec"], g)
        N, _, L = dcat.shape
        dm = dcat[:, :8, 0::2] + dcat[:, :8, 1::2]
        dd = c["mid"].back(P, "mid", dm * (z3 > 0), cache["mid"], g)
        dz2 = (dd * (z2 > 0)).transpose(0, 2, 1)                               # (N, L/2, 8)
        g["W_down"] = np.tensordot(cache["down"], dz2, axes=([0, 1], [0, 1])).reshape(2, 6, 8)
        g["b_down"] = dz2.sum(axis=(0, 1))
        de1 = (dz2 @ P["W_down"].reshape(12, 8).T).reshape(N, L, 6).transpose(0, 2, 1)
        de1 += dcat[:, 8:]
        c["enc"].back(P, "enc", de1 * (z1 > 0), cache["enc"], g, need_dx=False)

        self.t += 1
        lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
        for k, w in P.items():
            self.m[k] *= b1
            self.m[k] += (1 - b1) * g[k]
            self.v[k] *= b2
            self.v[k] += (1 - b2) * np.square(g[k])
            denom = np.sqrt(self.v[k]) / np.sqrt(1 - b2 ** self.t) + eps
            w -= (lr / (1 - b1 ** self.t)) * self.m[k] / denom
        return float(loss)
