"""FastKAN regressor in NumPy, written as a list of layer dicts (same model as kan_reg_numpy.py).

Each layer dict holds S (d_in * G, d_out), W kept (d_out, d_in) as nn.Linear does, and b.
The layer-norm backward goes through dvar and dmean; the RBF derivative is written as
d phi / d xn = -2 (xn - c) / h^2 phi; Adam updates the moments and the weights in place.
"""

import numpy as np


class FastKANLayers:
    def __init__(self, widths=(4, 8, 2), num_grids=6, lr=1e-2, seed=3):
        rng = np.random.default_rng(seed)
        self.centers = np.linspace(-2.0, 2.0, num_grids)
        self.width = 4.0 / (num_grids - 1)
        self.num_grids = num_grids
        self.layers = []
        for d_in, d_out in zip(widths[:-1], widths[1:]):
            self.layers.append({
                "S": 0.1 * rng.standard_normal((d_in * num_grids, d_out)),
                "W": rng.uniform(-1, 1, (d_out, d_in)) / np.sqrt(d_in),
                "b": rng.uniform(-1, 1, d_out) / np.sqrt(d_in),
            })
        self.lr, self.b1, self.b2, self.eps = lr, 0.9, 0.999, 1e-8
        self.state = [{k: (np.zeros_like(v), np.zeros_like(v)) for k, v in L.items()}
                      for L in self.layers]
        self.t = 0

    def _fwd(self, a, L):
        n, d = a.shape
        mean = a.mean(axis=1, keepdims=True)
        var = a.var(axis=1, keepdims=True)
        inv = 1.0 / np.sqrt(var + 1e-5)
        xn = (a - mean) * inv
        diff = xn[:, :, None] - self.centers[None, None, :]
        phi = np.exp(-(diff / self.width) ** 2)
        sig = 1.0 / (1.0 + np.exp(-a))
        out = phi.reshape(n, d * self.num_grids) @ L["S"] + (a * sig) @ L["W"].T + L["b"]
        return out, dict(a=a, mean=mean, var=var, inv=inv, diff=diff, phi=phi, sig=sig)

    def _bwd(self, dout, L, c):
        a, phi, sig, diff = c["a"], c["phi"], c["sig"], c["diff"]
        n, d = a.shape
        grads = {"S": phi.reshape(n, -1).T @ dout,
                 "W": dout.T @ (a * sig),
                 "b": dout.sum(axis=0)}
        dphi = (dout @ L["S"].T).reshape(n, d, self.num_grids)
        dxn = np.sum(dphi * phi * (-2.0 * diff / self.width ** 2), axis=2)
        # layer norm through its intermediate quantities
        xm = a - c["mean"]
        dvar = np.sum(dxn * xm, axis=1, keepdims=True) * -0.5 * c["inv"] ** 3
        dmean = -np.sum(dxn * c["inv"], axis=1, keepdims=True) \
            + dvar * np.mean(-2.0 * xm, axis=1, keepdims=True)
        da = dxn * c["inv"] + dvar * 2.0 * xm / d + dmean / d
        dsilu = sig + a * sig * (1.0 - sig)
        da += (dout @ L["W"]) * dsilu
        return da, grads

    def predict(self, X):
        out = X
        for L in self.layers:
            out, _ = self._fwd(out, L)
        return out

    def loss(self, X, y):
        return np.mean(np.square(self.predict(X) - y))

    def train_step(self, X, y):
        out, caches = X, []
        for L in self.layers:
            out, c = self._fwd(out, L)
            caches.append(c)
        r = out - y
        loss = np.mean(r * r)
        dout = r * (2.0 / r.size)
        all_grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            dout, all_grads[i] = self._bwd(dout, self.layers[i], caches[i])
        self.t += 1
        c1 = 1.0 - self.b1 ** self.t
        c2 = 1.0 - self.b2 ** self.t
        step = self.lr / c1
        for L, st, grads in zip(self.layers, self.state, all_grads):
            for k, p in L.items():
                m, v = st[k]
                g = grads[k]
                m *= self.b1
                m += (1.0 - self.b1) * g
                v *= self.b2
                v += (1.0 - self.b2) * g * g
                p -= step * m / (np.sqrt(v) / np.sqrt(c2) + self.eps)
        return float(loss)
