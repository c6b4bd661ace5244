"""ln_numpy.py written another way: parameters in one dict with the weights kept (in, out),
LayerNorm backward through the variance and the mean (dvar, dmean) step by step, the GELU
derivative through sech^2 = 1 - tanh^2 named, the schedule by np.interp, the moments updated in
place.

Same network, loss, optimizer and schedule as ln_numpy.py:LNGeGLUNet.
"""

import math

import numpy as np

K = math.sqrt(2.0 / math.pi)
A3 = 0.044715


class LNGeGLUDict:
    def __init__(self, d_in=10, d_model=12, d_ff=16, n_classes=3, lr=1e-2, seed=1):
        rng = np.random.default_rng(seed)
        u = lambda shape, fan: rng.uniform(-1, 1, shape) / math.sqrt(fan)
        W_in = u((d_model, d_in), d_in)
        b_in = u(d_model, d_in)
        W_gate = u((d_ff, d_model), d_model)
        W_up = u((d_ff, d_model), d_model)
        W_down = u((d_model, d_ff), d_ff)
        W_head = u((n_classes, d_model), d_model)
        self.p = {
            "W_in": W_in.T.copy(), "b_in": b_in,
            "ln1_g": np.ones(d_model), "ln1_b": np.zeros(d_model),
            "W_gate": W_gate.T.copy(), "W_up": W_up.T.copy(), "W_down": W_down.T.copy(),
            "lnf_g": np.ones(d_model), "lnf_b": np.zeros(d_model),
            "W_head": W_head.T.copy(), "b_head": np.zeros(n_classes),
        }
        self.decay = {k for k, w in self.p.items() if w.ndim == 2}
        self.m = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.v = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.grads = {}
        self.t = 0
        self.lr = lr

    @staticmethod
    def _ln(x, g, b):
        mu = x.mean(axis=1, keepdims=True)
        var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
        xhat = (x - mu) / np.sqrt(var + 1e-5)
        return xhat * g + b, (x, mu, var, xhat)

    @staticmethod
    def _ln_back(dy, g, cache):
        x, mu, var, xhat = cache
        D = x.shape[1]
        dxhat = dy * g
        std_inv = 1.0 / np.sqrt(var + 1e-5)
        dvar = np.sum(dxhat * (x - mu), axis=1, keepdims=True) * -0.5 * std_inv ** 3
        dmu = (np.sum(-dxhat * std_inv, axis=1, keepdims=True)
               + dvar * np.mean(-2.0 * (x - mu), axis=1, keepdims=True))
        dx = dxhat * std_inv + dvar * 2.0 * (x - mu) / D + dmu / D
        return dx, np.sum(dy * xhat, axis=0), np.sum(dy, axis=0)

    def _forward(self, X):
        p = self.p
        h0 = X @ p["W_in"] + p["b_in"]
        n, c1 = self._ln(h0, p["ln1_g"], p["ln1_b"])
        a = n @ p["W_gate"]
        b = n @ p["W_up"]
        inner = K * (a + A3 * a ** 3)
        th = np.tanh(inner)
        gelu = 0.5 * a * (1.0 + th)
        u = gelu * b
        h1 = h0 + u @ p["W_down"]
        f, c2 = self._ln(h1, p["lnf_g"], p["lnf_b"])
        return f @ p["W_head"] + p["b_head"], (n, c1, a, b, th, gelu, u, f, c2)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        return np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(y)), y])

    def train_step(self, X, y):
        p = self.p
        logits, (n, c1, a, b, th, gelu, u, f, c2) = self._forward(X)
        N = X.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        ez = np.exp(z)
        sm = ez / ez.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(ez.sum(axis=1)) - z[np.arange(N), y])

        d = sm
        d[np.arange(N), y] -= 1.0
        d = d / N
        gr = {"W_head": f.T @ d, "b_head": d.sum(axis=0)}
        dh1, gr["lnf_g"], gr["lnf_b"] = self._ln_back(d @ p["W_head"].T, p["lnf_g"], c2)
        gr["W_down"] = u.T @ dh1
        du = dh1 @ p["W_down"].T
        sech2 = 1.0 - th ** 2
        dgelu = 0.5 * (1.0 + th) + 0.5 * a * sech2 * K * (1.0 + 3.0 * A3 * a ** 2)
        da = du * b * dgelu
        db = du * gelu
        gr["W_gate"] = n.T @ da
        gr["W_up"] = n.T @ db
        dn = da @ p["W_gate"].T + db @ p["W_up"].T
        dln, gr["ln1_g"], gr["ln1_b"] = self._ln_back(dn, p["ln1_g"], c1)
        dh0 = dh1 + dln
        gr["W_in"] = X.T @ dh0
        gr["b_in"] = dh0.sum(axis=0)
        self.grads = gr

        self.t += 1
        lr = self.lr * float(np.interp(self.t, [0, 5, 20], [0.0, 1.0, 0.1]))
        b1, b2, eps, wd = 0.9, 0.95, 1e-8, 0.05
        for k, w in p.items():
            if k in self.decay:
                w -= lr * wd * w
            self.m[k] *= b1
            self.m[k] += (1 - b1) * gr[k]
            self.v[k] *= b2
            self.v[k] += (1 - b2) * gr[k] ** 2
            mhat = self.m[k] / (1 - b1 ** self.t)
            vhat = self.v[k] / (1 - b2 ** self.t)
            w -= lr * mhat / (np.sqrt(vhat) + eps)
        return float(loss)
