"""SE-gated highway regression in NumPy in another style: each parameter a plain attribute; the
group squeeze and the gate expansion written as products with a block matrix (X @ P averages each
group of four columns, s @ P.T * K spreads each group's gate over its columns) instead of a
reshape; the highway layer as x0 + T (Hh - x0); the Huber derivative as np.clip(r, -DELTA, DELTA);
and the momentum kept with the learning rate folded in (moves = MOMENTUM * moves + LR * g,
p -= moves), the same steps as torch's buffer for a constant learning rate.

    X: float (n, 16), y: float (n,)
"""

import numpy as np

D, G, K, R, H = 16, 4, 4, 2, 8
LR, MOMENTUM, WD, DELTA = 0.05, 0.9, 1e-3, 1.0
NAMES = ("Wr", "br", "Ws", "bs", "Wp", "bp", "Wt", "bt", "Wh", "bh", "Wo", "bo")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SEHighwayMatrix:
    def __init__(self, seed=115):
        rng = np.random.default_rng(seed)
        self.Wr = rng.normal(0.0, 0.7, (G, R))
        self.br = rng.normal(0.0, 0.1, R)
        self.Ws = rng.normal(0.0, 0.7, (R, G))
        self.bs = np.zeros(G)
        self.Wp = rng.normal(0.0, 1.0 / np.sqrt(D), (D, H))
        self.bp = np.zeros(H)
        self.Wt = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
        self.bt = np.full(H, -1.0)
        self.Wh = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
        self.bh = rng.normal(0.0, 0.1, H)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1))
        self.bo = np.zeros(1)
        self.moves = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def _run(self, X):
        P = np.repeat(np.eye(G, dtype=X.dtype), K, axis=0) / K      # (D, G): group means
        z = X @ P
        ze = z @ self.Wr + self.br
        e = np.where(ze > 0, ze, 0.0)
        s = sigmoid(e @ self.Ws + self.bs)
        spread = (s @ P.T) * K                                      # (n, D)
        Xg = X * spread
        x0 = np.tanh(Xg @ self.Wp + self.bp)
        T = sigmoid(x0 @ self.Wt + self.bt)
        zh = x0 @ self.Wh + self.bh
        Hh = np.where(zh > 0, zh, 0.0)
        x1 = x0 + T * (Hh - x0)
        out = x1 @ self.Wo[:, 0] + self.bo[0]
        return P, z, ze, e, s, Xg, x0, T, zh, Hh, x1, out

    @staticmethod
    def _huber(r):
        a = np.abs(r)
        return np.where(a <= DELTA, 0.5 * r * r, DELTA * a - 0.5 * DELTA * DELTA).mean()

    def loss(self, X, y):
        return self._huber(self._run(X)[-1] - y)

    def train_step(self, X, y):
        n = X.shape[0]
        P, z, ze, e, s, Xg, x0, T, zh, Hh, x1, out = self._run(X)
        r = out - y
        loss = self._huber(r)

        dout = np.clip(r, -DELTA, DELTA) / n
        g = {"Wo": np.outer(x1.T @ dout, np.ones(1, dtype=X.dtype)), "bo": np.array([dout.sum()])}
        dx1 = np.outer(dout, self.Wo[:, 0])
        dzt = dx1 * (Hh - x0) * T * (1.0 - T)
        dzh = np.where(zh > 0, dx1 * T, 0.0)
        g["Wt"], g["bt"] = x0.T @ dzt, dzt.sum(0)
        g["Wh"], g["bh"] = x0.T @ dzh, dzh.sum(0)
        dx0 = dx1 - dx1 * T + dzt @ self.Wt.T + dzh @ self.Wh.T
        dzp = dx0 * (1.0 - x0 * x0)
        g["Wp"], g["bp"] = Xg.T @ dzp, dzp.sum(0)
        ds = ((dzp @ self.Wp.T) * X) @ P * K
        dzs = ds * s * (1.0 - s)
        g["Ws"], g["bs"] = e.T @ dzs, dzs.sum(0)
        dze = np.where(ze > 0, dzs @ self.Ws.T, 0.0)
        g["Wr"], g["br"] = z.T @ dze, dze.sum(0)
        self.grads = g

        for k in NAMES:
            w = getattr(self, k)
            self.moves[k] = MOMENTUM * self.moves[k] + LR * (g[k] + WD * w)
            w -= self.moves[k]
        return float(loss)
