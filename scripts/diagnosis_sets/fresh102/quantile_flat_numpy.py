"""The multi-horizon quantile MLP of quantile_numpy.py written another way, in NumPy.

The same model, loss and RMSprop, but:
  - every parameter is a view into one flat vector theta (gamma, beta, W1, b1, W2, b2 in that
    order), the weights stored (out, in) as torch keeps them, so the layers compute z @ W1.T;
  - the gradients are views into one flat vector too, and RMSprop updates theta and its square
    average as whole vectors;
  - the window statistics are written out, sd = sqrt(mean((x - mu)^2)) + EPS_NORM;
  - the pinball loss and its derivative are written with np.where on the sign of the residual;
  - the denormalisation is written as out * (sd / gamma) + (mu - beta * sd / gamma).

    X: float (n, 12) windows, y: float (n, 3) the next three values
"""

import numpy as np

L, H, Q, HIDDEN = 12, 3, 3, 16
QUANTILES = (0.1, 0.5, 0.9)
LR, ALPHA, EPS, EPS_NORM = 0.003, 0.9, 1e-8, 1e-5
SHAPES = (("gamma", (1,)), ("beta", (1,)), ("W1", (HIDDEN, L)), ("b1", (HIDDEN,)),
          ("W2", (H * Q, HIDDEN)), ("b2", (H * Q,)))


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class QuantileMLPFlat:
    def __init__(self, seed=102):
        rng = np.random.default_rng(seed + 7)
        size = sum(int(np.prod(s)) for _, s in SHAPES)
        self.theta = np.zeros(size)
        self.params = views(self.theta)
        b1, b2 = 1.0 / np.sqrt(L), 1.0 / np.sqrt(HIDDEN)
        self.params["gamma"][...] = 1.0
        self.params["W1"][...] = rng.uniform(-b1, b1, (HIDDEN, L))
        self.params["b1"][...] = rng.uniform(-b1, b1, HIDDEN)
        self.params["W2"][...] = rng.uniform(-b2, b2, (H * Q, HIDDEN))
        self.params["b2"][...] = rng.uniform(-b2, b2, H * Q)
        self.sq = np.zeros_like(self.theta)

    def forward(self, X):
        p = self.params
        mu = np.mean(X, axis=1)[:, None]
        sd = np.sqrt(np.mean((X - mu) ** 2, axis=1))[:, None] + EPS_NORM
        z = (X - mu) / sd
        zn = z * p["gamma"][0] + p["beta"][0]
        pre = zn @ p["W1"].T + p["b1"]
        h = pre * (pre > 0)
        out = (h @ p["W2"].T + p["b2"]).reshape(-1, H, Q)
        ratio = (sd / p["gamma"][0])[:, :, None]
        pred = out * ratio + (mu[:, :, None] - p["beta"][0] * ratio)
        self.cache = (z, zn, pre, h, out, ratio)
        return pred

    def loss(self, X, y):
        pred = self.forward(X)
        q = np.array(QUANTILES, dtype=pred.dtype)
        r = y[:, :, None] - pred
        return float(np.where(r > 0, q * r, (q - 1.0) * r).mean())

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        z, zn, pre, h, out, ratio = self.cache
        q = np.array(QUANTILES, dtype=pred.dtype)
        r = y[:, :, None] - pred
        loss = np.where(r > 0, q * r, (q - 1.0) * r).mean()

        gflat = np.zeros_like(self.theta)
        g = views(gflat)
        dpred = np.where(r > 0, -q, 1.0 - q) / r.size
        gamma = p["gamma"][0]
        # d pred / d gamma (output side) = -(out - beta) * ratio / gamma
        g["gamma"][0] = -np.sum(dpred * (out - p["beta"][0]) * ratio) / gamma
        g["beta"][0] = -np.sum(dpred * ratio)
        dout = (dpred * ratio).reshape(len(X), H * Q)
        g["W2"][...] = dout.T @ h
        g["b2"][...] = dout.sum(axis=0)
        dpre = (dout @ p["W2"]) * (pre > 0)
        g["W1"][...] = dpre.T @ zn
        g["b1"][...] = dpre.sum(axis=0)
        dzn = dpre @ p["W1"]
        g["gamma"][0] += np.sum(dzn * z)
        g["beta"][0] += np.sum(dzn)
        self.grads = g

        self.sq *= ALPHA
        self.sq += (1.0 - ALPHA) * gflat * gflat
        self.theta -= LR * gflat / (np.sqrt(self.sq) + EPS)
        return float(loss)
