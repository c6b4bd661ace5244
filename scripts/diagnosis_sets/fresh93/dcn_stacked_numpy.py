"""The deep & cross network written another way, in NumPy: the cross weights and biases stacked
in two (layers, 12) arrays Wc and Bc (row l is layer l), the embedding tables in a list, the
other parameters attributes; the weighted log loss in torch's form
(1 - y) z + (1 + (POS_WEIGHT - 1) y) softplus(-z); the global norm for clipping from one
concatenated vector; and the momentum kept with the learning rate folded in,
delta = MOMENTUM * delta + LR * (g + WD * p), p -= delta, which is torch.optim.SGD's update
for a constant rate.

    X: float (n, 6) three numeric features, then three categorical ids; y: float (n,) the click
"""

import math

import numpy as np

N_NUM, CARDS, K, HIDDEN, N_CROSS = 3, (4, 5, 6), 3, 8, 2
D = N_NUM + K * len(CARDS)
LR, MOMENTUM, WD, MAX_NORM, POS_WEIGHT = 0.05, 0.9, 1e-3, 0.5, 2.0


class StackedDCN:
    def __init__(self, seed=93):
        rng = np.random.default_rng(seed)
        self.tables = [rng.normal(0.0, 0.3, (card, K)) for card in CARDS]
        self.Wc = rng.normal(0.0, 0.3, (N_CROSS, D))
        self.Bc = np.zeros((N_CROSS, D))
        self.W1 = rng.normal(0.0, 1.0 / math.sqrt(D), (D, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.w_out = rng.normal(0.0, 1.0 / math.sqrt(D + HIDDEN), D + HIDDEN)
        self.b_out = np.zeros(1)
        self.delta = {k: np.zeros_like(a) for k, a in self._arrays().items()}

    def _arrays(self):
        arrays = {f"table{f}": t for f, t in enumerate(self.tables)}
        arrays.update(Wc=self.Wc, Bc=self.Bc, W1=self.W1, b1=self.b1, w_out=self.w_out, b_out=self.b_out)
        return arrays

    def _forward(self, X):
        ids = X[:, N_NUM:].astype(int)
        x0 = np.hstack([X[:, :N_NUM]] + [t[ids[:, f]] for f, t in enumerate(self.tables)])
        xl, trace = x0, []
        for w, b in zip(self.Wc, self.Bc):
            s = np.einsum("nd,d->n", xl, w)
            trace.append((xl, s))
            xl = x0 * s[:, None] + b + xl
        pre = x0 @ self.W1 + self.b1
        top = np.hstack([xl, np.where(pre > 0, pre, 0.0)])
        return top @ self.w_out + self.b_out, (ids, x0, trace, pre, top)

    @staticmethod
    def _weighted_log_loss(z, y):
        return np.mean((1.0 - y) * z + (1.0 + (POS_WEIGHT - 1.0) * y) * np.logaddexp(0.0, -z))

    def loss(self, X, y):
        return self._weighted_log_loss(self._forward(X)[0], y)

    def train_step(self, X, y):
        z, (ids, x0, trace, pre, top) = self._forward(X)
        loss = self._weighted_log_loss(z, y)

        # d/dz of (1 - y) z + c softplus(-z), c = 1 + (POS_WEIGHT - 1) y, is (1 - y) - c sigmoid(-z)
        c = 1.0 + (POS_WEIGHT - 1.0) * y
        r = ((1.0 - y) - c / (1.0 + np.exp(z))) / len(z)
        g = {"w_out": top.T @ r, "b_out": np.array([r.sum()])}
        dtop = r[:, None] * self.w_out[None, :]
        dxl, dpre = dtop[:, :D], np.where(pre > 0, dtop[:, D:], 0.0)
        g["W1"], g["b1"] = x0.T @ dpre, dpre.sum(axis=0)
        dx0 = dpre @ self.W1.T
        gWc, gBc = np.zeros_like(self.Wc), np.zeros_like(self.Bc)
        for l in range(N_CROSS - 1, -1, -1):
            xin, s = trace[l]
            ds = np.einsum("nd,nd->n", dxl, x0)
            gBc[l] = dxl.sum(axis=0)
            gWc[l] = np.einsum("nd,n->d", xin, ds)
            dx0 = dx0 + dxl * s[:, None]
            dxl = dxl + ds[:, None] * self.Wc[l][None, :]
        dx0 = dx0 + dxl
        g["Wc"], g["Bc"] = gWc, gBc
        for f, t in enumerate(self.tables):
            gt = np.zeros_like(t)
            np.add.at(gt, ids[:, f], dx0[:, N_NUM + K * f:N_NUM + K * (f + 1)])
            g[f"table{f}"] = gt

        flat = np.concatenate([a.ravel() for a in g.values()])
        scale = min(1.0, MAX_NORM / (float(np.linalg.norm(flat)) + 1e-6))
        g = {k: a * scale for k, a in g.items()}
        self.grads = {k: g[k] for k in ("W1", "b1", "w_out", "b_out")}

        for k, p in self._arrays().items():
            self.delta[k] = MOMENTUM * self.delta[k] + LR * (g[k] + WD * p)
            p -= self.delta[k]
        return float(loss)
