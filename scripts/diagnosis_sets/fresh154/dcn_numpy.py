"""Deep & Cross Network (DCN, the original vector cross layers) for a small table, in NumPy.

X (N, 5): three categorical columns (6, 3, 4 levels) then two standardised numeric columns.
Each categorical column has its own embedding table (width 2); the three lookups and the
numeric columns are concatenated into x0 (N, 8).

Cross network, two layers:  x_{l+1} = x0 * (x_l . w_l) + b_l + x_l   (w_l, b_l of shape (8,))
Deep network:               h = relu(x0 @ Wd + bd)                    (Wd (8, 4))
Head:                       z = [x_2, h] @ wo + bo                    (wo (12,), bo (1,))

Loss: binary cross-entropy with logits, pos_weight 3, mean over rows.
Optimizer: Adam, lr 0.02, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
Parameters are attributes (lists for the per-column tables and the cross layers).
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DCN:
    def __init__(self, cards=(6, 3, 4), emb_dim=2, n_num=2, n_cross=2, hidden=4, lr=0.02,
                 betas=(0.9, 0.999), eps=1e-8, pos_weight=3.0, seed=1):
        rng = np.random.default_rng(seed)
        self.n_cat = len(cards)
        d = len(cards) * emb_dim + n_num
        self.E = [rng.normal(0, 0.3, (c, emb_dim)) for c in cards]
        self.cw = [rng.normal(0, 1.0 / np.sqrt(d), d) for _ in range(n_cross)]
        self.cb = [rng.normal(0, 0.05, d) for _ in range(n_cross)]
        self.Wd = rng.normal(0, np.sqrt(2.0 / d), (d, hidden))
        self.bd = np.zeros(hidden)
        self.wo = rng.normal(0, 1.0 / np.sqrt(d + hidden), d + hidden)
        self.bo = np.zeros(1)
        self.lr, (self.b1, self.b2), self.eps = lr, betas, eps
        self.pos_weight = pos_weight
        self.t = 0
        self.m = [np.zeros_like(p) for p in self.parameters()]
        self.v = [np.zeros_like(p) for p in self.parameters()]

    def parameters(self):
        return [*self.E, *self.cw, *self.cb, self.Wd, self.bd, self.wo, self.bo]

    def forward(self, X):
        cat = X[:, :self.n_cat].astype(np.int64)
        x0 = np.concatenate([E[cat[:, j]] for j, E in enumerate(self.E)]
                            + [X[:, self.n_cat:]], axis=1)
        xs = [x0]
        for w, b in zip(self.cw, self.cb):
            xl = xs[-1]
            xs.append(x0 * (xl @ w)[:, None] + b + xl)
        a = x0 @ self.Wd + self.bd
        h = np.maximum(a, 0.0)
        top = np.concatenate([xs[-1], h], axis=1)
        z = top @ self.wo + self.bo[0]
        self.cache = (cat, xs, a, h, top)
        return z

    def loss(self, z, y):
        pw = self.pos_weight
        return np.mean(pw * y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))

    def backward(self, z, y):
        cat, xs, a, h, top = self.cache
        x0 = xs[0]
        n, d = x0.shape
        s = sigmoid(z)
        dz = (self.pos_weight * y * (s - 1) + (1 - y) * s) / n
        g_wo = top.T @ dz
        g_bo = np.array([dz.sum()])
        dtop = np.outer(dz, self.wo)
        dxl = dtop[:, :d]
        dh = dtop[:, d:]
        da = dh * (a > 0)
        g_Wd = x0.T @ da
        g_bd = da.sum(axis=0)
        dx0 = da @ self.Wd.T
        g_cw = [None] * len(self.cw)
        g_cb = [None] * len(self.cw)
        for l in reversed(range(len(self.cw))):
            xl = xs[l]
            s_l = xl @ self.cw[l]                      # (n,)
            g_cb[l] = dxl.sum(axis=0)
            ds = (dxl * x0).sum(axis=1)                # d loss / d (x_l . w_l)
            g_cw[l] = xl.T @ ds
            dx0 += dxl * s_l[:, None]                  # x0 enters every cross layer
            dxl = dxl + np.outer(ds, self.cw[l])
        dx0 += dxl                                     # x_0 of the first layer is x0
        g_E = []
        off = 0
        for j, E in enumerate(self.E):
            k = E.shape[1]
            gE = np.zeros_like(E)
            np.add.at(gE, cat[:, j], dx0[:, off:off + k])
            g_E.append(gE)
            off += k
        return [*g_E, *g_cw, *g_cb, g_Wd, g_bd, g_wo, g_bo]

    def adam(self, grads):
        self.t += 1
        bc1 = 1 - self.b1 ** self.t
        bc2 = 1 - self.b2 ** self.t
        for p, g, m, v in zip(self.parameters(), grads, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= self.lr * (m / bc1) / (np.sqrt(v / bc2) + self.eps)

    def train_step(self, X, y):
        y = y.reshape(-1)
        z = self.forward(X)
        loss = self.loss(z, y)
        self.adam(self.backward(z, y))
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dcn.npz"))
    net = DCN()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
