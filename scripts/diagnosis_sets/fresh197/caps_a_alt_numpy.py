"""Same capsule MLP as caps_a_numpy.py, written otherwise: the squash backward as an explicit
per-capsule Jacobian (f I + 2 f' s s^T), the layers through einsum, Adam in place."""
import numpy as np


class CapsMLPAlt:
    def __init__(self):
        rng = np.random.default_rng(5)
        self.params = {
            "W1": rng.normal(0, 0.3, size=(10, 24)),
            "b1": np.zeros(24),
            "W2": rng.normal(0, 0.2, size=(24, 24)),
            "b2": rng.normal(0, 0.1, size=24),
            "Wc": rng.normal(0, 0.5, size=(6, 4, 4, 5)),
        }
        self.state = {k: [np.zeros_like(v), np.zeros_like(v)] for k, v in self.params.items()}
        self.t = 0

    @staticmethod
    def squash(s):
        n2 = np.einsum("...d,...d->...", s, s)[..., None]
        return s * (n2 / ((1.0 + n2) * np.sqrt(n2 + 1e-7)))

    @staticmethod
    def squash_vjp(s, dv):
        n2 = np.einsum("...d,...d->...", s, s)[..., None, None]
        r = np.sqrt(n2 + 1e-7)
        f = n2 / ((1.0 + n2) * r)
        fp = 1.0 / ((1.0 + n2) ** 2 * r) - n2 / (2.0 * (1.0 + n2) * r ** 3)
        eye = np.eye(s.shape[-1], dtype=s.dtype)
        J = f * eye + 2.0 * fp * s[..., :, None] * s[..., None, :]
        return np.einsum("...ij,...i->...j", J, dv)

    def forward(self, X):
        P = self.params
        a1 = np.einsum("ni,ih->nh", X, P["W1"]) + P["b1"]
        h = a1 * (a1 > 0)
        u = (np.einsum("nh,hk->nk", h, P["W2"]) + P["b2"]).reshape(len(X), 6, 4)
        pc = self.squash(u)
        s = np.einsum("nid,ijde->nje", pc, P["Wc"]) / 6.0
        v = self.squash(s)
        L = np.sqrt(np.einsum("nje,nje->nj", v, v) + 1e-7)
        return a1, h, u, pc, s, v, L

    def train_step(self, X, y):
        P = self.params
        N = len(X)
        a1, h, u, pc, s, v, L = self.forward(X)
        T = (y[:, None] == np.arange(4)[None, :]).astype(X.dtype)
        hi = np.clip(0.9 - L, 0.0, None)
        lo = np.clip(L - 0.1, 0.0, None)
        loss = (T * hi * hi + 0.5 * (1 - T) * lo * lo).sum() / N
        dL = (2.0 / N) * (0.5 * (1 - T) * lo - T * hi)
        ds = self.squash_vjp(s, (dL / L)[..., None] * v) / 6.0
        g = {"Wc": np.einsum("nid,nje->ijde", pc, ds)}
        du = self.squash_vjp(u, np.einsum("nje,ijde->nid", ds, P["Wc"])).reshape(N, 24)
        g["W2"] = np.einsum("nh,nk->hk", h, du)
        g["b2"] = du.sum(0)
        da = (du @ P["W2"].T) * (a1 > 0)
        g["W1"] = np.einsum("ni,nh->ih", X, da)
        g["b1"] = da.sum(0)
        self.grads = g
        self.t += 1
        c1 = 1.0 - 0.9 ** self.t
        c2 = 1.0 - 0.999 ** self.t
        for k, w in P.items():
            m, vv = self.state[k]
            m *= 0.9
            m += 0.1 * g[k]
            vv *= 0.999
            vv += 0.001 * g[k] * g[k]
            w -= 0.01 * (m / c1) / (np.sqrt(vv / c2) + 1e-8)
        return loss
