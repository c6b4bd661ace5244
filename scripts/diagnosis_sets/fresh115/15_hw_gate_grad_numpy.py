"""Squeeze-and-excitation gating of feature groups, then a highway layer, for regression, in NumPy
with the backward written by hand.

The sixteen inputs are four groups of four consecutive columns. Squeeze: each row's mean of each
group, z (n, 4); excitation: s = sigmoid(relu(z Wr + br) Ws + bs), one gate per group, and every
feature of a group is scaled by its gate. A tanh projection x0 = tanh(Xg Wp + bp) to eight units,
then one highway layer: the transform gate T = sigmoid(x0 Wt + bt) (bt starts at -1, carry
favoured), the transform Hh = relu(x0 Wh + bh), x1 = T * Hh + (1 - T) * x0; a linear output. The
loss is the Huber loss (delta 1) averaged over the rows. SGD with heavy-ball momentum and L2
weight decay as torch.optim.SGD writes them: g += WD * p, buf = MOMENTUM * buf + g, p -= LR * buf.

    X: float (n, 16), y: float (n,)
"""

import numpy as np

D, G, K, R, H = 16, 4, 4, 2, 8
LR, MOMENTUM, WD, DELTA = 0.05, 0.9, 1e-3, 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SEHighway:
    def __init__(self, seed=115):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wr": rng.normal(0.0, 0.7, (G, R)),
            "br": rng.normal(0.0, 0.1, R),
            "Ws": rng.normal(0.0, 0.7, (R, G)),
            "bs": np.zeros(G),
            "Wp": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "bp": np.zeros(H),
            "Wt": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "bt": np.full(H, -1.0),
            "Wh": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "bh": rng.normal(0.0, 0.1, H),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)),
            "bo": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        n = len(X)
        Xr = X.reshape(n, G, K)
        z = Xr.mean(axis=2)                              # squeeze: (n, G)
        ze = z @ p["Wr"] + p["br"]
        e = np.maximum(ze, 0.0)
        s = sigmoid(e @ p["Ws"] + p["bs"])               # excitation: (n, G)
        Xg = (Xr * s[:, :, None]).reshape(n, D)
        x0 = np.tanh(Xg @ p["Wp"] + p["bp"])
        T = sigmoid(x0 @ p["Wt"] + p["bt"])
        zh = x0 @ p["Wh"] + p["bh"]
        Hh = np.maximum(zh, 0.0)
        x1 = T * Hh + (1.0 - T) * x0
        out = (x1 @ p["Wo"] + p["bo"])[:, 0]
        return dict(Xr=Xr, z=z, ze=ze, e=e, s=s, Xg=Xg, x0=x0, T=T, zh=zh, Hh=Hh, x1=x1, out=out)

    def loss(self, X, y):
        r = self.forward(X)["out"] - y
        a = np.abs(r)
        return np.mean(np.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        c = self.forward(X)
        r = c["out"] - y
        a = np.abs(r)
        loss = np.mean(np.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA)))

        g = {}
        dout = np.where(a <= DELTA, r, DELTA * np.sign(r)) / n      # (n,)
        g["Wo"] = c["x1"].T @ dout[:, None]
        g["bo"] = dout.sum(keepdims=True)
        dx1 = dout[:, None] * p["Wo"][:, 0]                       # (n, H)
        dT = dx1 * c["Hh"]  # fix: dT = dx1 * (c["Hh"] - c["x0"])
        dzt = dT * c["T"] * (1.0 - c["T"])
        dzh = dx1 * c["T"] * (c["zh"] > 0)
        g["Wt"] = c["x0"].T @ dzt
        g["bt"] = dzt.sum(axis=0)
        g["Wh"] = c["x0"].T @ dzh
        g["bh"] = dzh.sum(axis=0)
        dx0 = dx1 * (1.0 - c["T"]) + dzt @ p["Wt"].T + dzh @ p["Wh"].T
        dzp = dx0 * (1.0 - c["x0"] ** 2)
        g["Wp"] = c["Xg"].T @ dzp
        g["bp"] = dzp.sum(axis=0)
        dXg = (dzp @ p["Wp"].T).reshape(n, G, K)
        ds = (dXg * c["Xr"]).sum(axis=2)                          # (n, G)
        dzs = ds * c["s"] * (1.0 - c["s"])
        g["Ws"] = c["e"].T @ dzs
        g["bs"] = dzs.sum(axis=0)
        dze = (dzs @ p["Ws"].T) * (c["ze"] > 0)
        g["Wr"] = c["z"].T @ dze
        g["br"] = dze.sum(axis=0)
        self.grads = g

        for k in p:
            gk = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + gk
            p[k] -= LR * self.velocity[k]
        return float(loss)
