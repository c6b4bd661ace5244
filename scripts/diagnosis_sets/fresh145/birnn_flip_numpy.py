"""birnn_numpy.py written another way: one routine runs a direction over a chunk; the
backward direction is that routine on the time-reversed chunk, its states flipped back.
Biases are kept as rows (1, hidden); RMSprop is written as an in-place running average:
    cache += (1 - decay) * (g * g - cache);   param -= lr * g / (sqrt(cache) + eps)

Parameters (self.params): Wxf, Wxb (n_in, hidden), Whf, Whb (hidden, hidden),
bf, bb (1, hidden), Wy (2*hidden, n_out), by (1, n_out). RMSprop state: self.cache.
"""

import numpy as np


def run_direction(x, h0, Wx, Wh, b):
    """x (S, T, D) -> states (S, T+1, H) with states[:, 0] = h0."""
    S, T, _ = x.shape
    hs = np.empty((S, T + 1, Wh.shape[0]), dtype=Wx.dtype)
    hs[:, 0] = h0
    for t in range(T):
        hs[:, t + 1] = np.tanh(x[:, t] @ Wx + hs[:, t] @ Wh + b)
    return hs


def back_direction(x, hs, dout, Wh):
    """BPTT through run_direction; dout (S, T, H) the gradient on hs[:, 1:]."""
    T = x.shape[1]
    dWx, dWh = np.zeros((x.shape[2], Wh.shape[0]), dtype=x.dtype), np.zeros_like(Wh)
    db = np.zeros((1, Wh.shape[0]), dtype=x.dtype)
    carry = np.zeros_like(hs[:, 0])
    for t in range(T - 1, -1, -1):
        da = (dout[:, t] + carry) * (1 - hs[:, t + 1] ** 2)
        dWx += x[:, t].T @ da
        dWh += hs[:, t].T @ da
        db += da.sum(axis=0, keepdims=True)
        carry = da @ Wh.T
    return dWx, dWh, db


class StatefulBiRNN:
    def __init__(self, n_in=2, hidden=6, n_out=2, n_streams=3, chunks_per_epoch=5,
                 lr=0.01, decay=0.9, eps=1e-8, clip=5.0, seed=3):
        rng = np.random.default_rng(seed)
        s = hidden ** -0.5
        u = lambda *shape: rng.uniform(-s, s, shape)
        self.params = {"Wxf": u(n_in, hidden), "Whf": u(hidden, hidden), "bf": u(1, hidden),
                       "Wxb": u(n_in, hidden), "Whb": u(hidden, hidden), "bb": u(1, hidden),
                       "Wy": u(2 * hidden, n_out), "by": u(1, n_out)}
        self.cache = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.state = np.zeros((n_streams, hidden))
        self.H, self.every = hidden, chunks_per_epoch
        self.lr, self.decay, self.eps, self.clip = lr, decay, eps, clip
        self.steps = 0

    def _forward(self, x):
        p = self.params
        h0 = self.state if self.steps % self.every else np.zeros_like(self.state)
        hf = run_direction(x, h0, p["Wxf"], p["Whf"], p["bf"])
        xr = x[:, ::-1]
        hb_r = run_direction(xr, np.zeros_like(h0), p["Wxb"], p["Whb"], p["bb"])
        feats = np.concatenate([hf[:, 1:], hb_r[:, 1:][:, ::-1]], axis=2)
        return feats @ p["Wy"] + p["by"], hf, xr, hb_r, feats

    def loss(self, X, y):
        out = self._forward(X[0])[0]
        return ((out - y[0]) ** 2).sum() / X.shape[1]

    def train_step(self, X, y):
        x, target = X[0], y[0]
        p = self.params
        S = x.shape[0]
        out, hf, xr, hb_r, feats = self._forward(x)
        err = out - target
        loss = (err ** 2).sum() / S
        dout = 2.0 / S * err
        g = {"Wy": np.einsum("stf,sto->fo", feats, dout), "by": dout.sum(axis=(0, 1))[None, :]}
        dfeats = dout @ p["Wy"].T
        g["Wxf"], g["Whf"], g["bf"] = back_direction(x, hf, dfeats[..., :self.H], p["Whf"])
        g["Wxb"], g["Whb"], g["bb"] = back_direction(xr, hb_r, dfeats[..., self.H:][:, ::-1], p["Whb"])
        for k in g:
            g[k] = np.clip(g[k], -self.clip, self.clip)
        self.grads = g
        for k in p:
            self.cache[k] += (1 - self.decay) * (g[k] * g[k] - self.cache[k])
            p[k] -= self.lr * g[k] / (np.sqrt(self.cache[k]) + self.eps)
        self.state = hf[:, -1].copy()
        self.steps += 1
        return float(loss)
