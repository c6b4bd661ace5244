"""The seasonal-naive residual quantile forecaster of snaive_q_numpy.py written in another style.

All parameters live in one flat vector theta; params holds views into it (W1 (7, 10), b1, W2
(10, 9), b2), and the gradients are written into views of one flat vector as well, so Adagrad
(with its weight decay, as torch.optim.Adagrad) runs once on the whole flat vector. The
seasonal-naive value is read by np.take of the columns a season before each horizon, the ReLU is
np.where, and the pinball loss and its gradient use the indicator form: rho(e) = e * (tau - 1[e < 0])
and d rho / d q = 1[e < 0] - tau.

    X: float (n, 14) past values, y: float (n, 3) the next three values
"""

import numpy as np

L, S, H, HIDDEN = 14, 7, 3, 10
TAUS = np.array([0.1, 0.5, 0.9])
Q = len(TAUS)
LR, WD, EPS = 0.05, 0.01, 1e-10
SHAPES = {"W1": (L - S, HIDDEN), "b1": (HIDDEN,), "W2": (HIDDEN, H * Q), "b2": (H * Q,)}


def views(flat):
    out, i = {}, 0
    for k, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[k] = flat[i:i + size].reshape(shape)
        i += size
    return out


class SeasonalQuantileFlat:
    def __init__(self, seed=83):
        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for s in SHAPES.values()))
        self.params = views(self.theta)
        self.params["W1"][...] = rng.normal(0.0, np.sqrt(2.0 / (L - S)), SHAPES["W1"])
        self.params["b1"][...] = rng.normal(0.0, 0.1, HIDDEN)
        self.params["W2"][...] = rng.normal(0.0, 0.3 / np.sqrt(HIDDEN), SHAPES["W2"])
        self.grad_flat = np.zeros_like(self.theta)
        self.grads = views(self.grad_flat)
        self.accumulator = np.zeros_like(self.theta)

    def _forward(self, X):
        p = self.params
        naive = np.take(X, np.arange(H) + (L - S), axis=1)
        D = X[:, S:] - X[:, :L - S]
        pre = D @ p["W1"] + p["b1"]
        h = np.where(pre > 0, pre, 0.0)
        q = naive[:, :, None] + (h @ p["W2"] + p["b2"]).reshape(-1, H, Q)
        return D, pre, h, q

    def loss(self, X, y):
        e = y[:, :, None] - self._forward(X)[3]
        return np.mean(e * (TAUS - (e < 0)))

    def train_step(self, X, y):
        p, g = self.params, self.grads
        D, pre, h, q = self._forward(X)
        e = y[:, :, None] - q
        value = np.mean(e * (TAUS - (e < 0)))
        dflat = (((e < 0) - TAUS) / e.size).reshape(len(X), H * Q)
        g["W2"][...] = h.T @ dflat
        g["b2"][...] = dflat.sum(axis=0)
        dpre = np.where(pre > 0, dflat @ p["W2"].T, 0.0)
        g["W1"][...] = D.T @ dpre
        g["b1"][...] = dpre.sum(axis=0)

        step_grad = self.grad_flat + WD * self.theta
        self.accumulator += step_grad * step_grad
        self.theta -= LR * step_grad / (np.sqrt(self.accumulator) + EPS)
        return float(value)
