"""caps_b written otherwise: weights kept (in, out), the primary capsules and the votes in one
matrix product each, the margin loss through np.where, RMSprop state in a list."""
import numpy as np


class CapsInOut:
    def __init__(self):
        rng = np.random.default_rng(9)
        self.layers = [
            {"W": rng.normal(0, 0.4, size=(8, 16)), "b": np.zeros(16)},
            {"W": rng.normal(0, 0.3, size=(16, 20)), "b": np.zeros(20)},
        ]
        self.Wc = rng.normal(0, 0.6, size=(5, 3, 4, 4))
        lg = np.linspace(-1.0, 1.0, 15).reshape(5, 3)
        self.coup = np.exp(lg) / np.exp(lg).sum(axis=1, keepdims=True)
        self.ms = [np.zeros((8, 16)), np.zeros(16), np.zeros((16, 20)), np.zeros(20), np.zeros((5, 3, 4, 4))]

    def arrays(self):
        return [self.layers[0]["W"], self.layers[0]["b"], self.layers[1]["W"], self.layers[1]["b"], self.Wc]

    def train_step(self, X, y):
        N = X.shape[0]
        W1, b1 = self.layers[0]["W"], self.layers[0]["b"]
        W2, b2 = self.layers[1]["W"], self.layers[1]["b"]
        h = np.tanh(X @ W1 + b1)
        u = (h @ W2 + b2).reshape(N, 5, 4)
        nu = np.sum(u * u, axis=2, keepdims=True)
        ru = np.sqrt(nu + 1e-7)
        p = u * nu / (1 + nu) / ru
        # votes: (N, 5, 4) x (5, 4, 3*4) per primary capsule
        Wflat = self.Wc.transpose(0, 2, 1, 3).reshape(5, 4, 12)
        votes = np.matmul(p.transpose(1, 0, 2), Wflat).reshape(5, N, 3, 4).transpose(1, 0, 2, 3)
        s = (votes * self.coup[None, :, :, None]).sum(axis=1)
        ns = np.sum(s * s, axis=2, keepdims=True)
        rs = np.sqrt(ns + 1e-7)
        v = s * ns / (1 + ns) / rs
        L = np.sqrt(np.sum(v * v, axis=2) + 1e-7)
        is_y = np.arange(3)[None, :] == y[:, None]
        lossmat = np.where(is_y, np.maximum(0.9 - L, 0) ** 2, 0.5 * np.maximum(L - 0.1, 0) ** 2)
        loss = lossmat.sum() / N
        dL = np.where(is_y, -2 * np.maximum(0.9 - L, 0), np.maximum(L - 0.1, 0)) / N

        def vjp(x, n, r, g):
            f = n / (1 + n) / r
            fp = 1 / ((1 + n) ** 2 * r) - n / (2 * (1 + n) * r ** 3)
            return f * g + 2 * fp * np.sum(g * x, axis=2, keepdims=True) * x

        ds = vjp(s, ns, rs, (dL / L)[:, :, None] * v)
        dvotes = ds[:, None, :, :] * self.coup[None, :, :, None]        # (N, 5, 3, 4)
        dv_flat = dvotes.transpose(1, 0, 2, 3).reshape(5, N, 12)
        gWflat = np.matmul(p.transpose(1, 2, 0), dv_flat)                # (5, 4, 12)
        gWc = gWflat.reshape(5, 4, 3, 4).transpose(0, 2, 1, 3)
        dp = np.matmul(dv_flat, Wflat.transpose(0, 2, 1)).transpose(1, 0, 2)
        du = vjp(u, nu, ru, dp).reshape(N, 20)
        gW2, gb2 = h.T @ du, du.sum(axis=0)
        dz = du @ W2.T * (1 - h * h)
        gW1, gb1 = X.T @ dz, dz.sum(axis=0)
        grads = [gW1, gb1, gW2, gb2, gWc]
        for i, (w, g) in enumerate(zip(self.arrays(), grads)):
            self.ms[i] *= 0.9
            self.ms[i] += 0.1 * g ** 2
            w -= 0.005 * g / (np.sqrt(self.ms[i]) + 1e-8)
        return loss
