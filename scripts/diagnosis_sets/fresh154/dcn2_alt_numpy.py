"""DCN-V2 (as dcn2_numpy.py) written with torch's layouts: cross weights kept (out, in) and
applied as x @ W.T, the head weight kept as a row (1, 8). The clipping norm is taken over one
flat vector of every gradient; the AdamW step is written with the bias corrections folded into
the step size and the denominator, as torch writes it. Parameters are attributes.
"""

import numpy as np


class DCNv2T:
    def __init__(self, cards=(4, 5), emb_dim=3, n_num=2, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.05, pos_weight=1.5, max_norm=1.0, seed=5):
        rng = np.random.default_rng(seed)
        d = len(cards) * emb_dim + n_num
        self.emb_a = rng.normal(0, 0.4, (cards[0], emb_dim))
        self.emb_b = rng.normal(0, 0.4, (cards[1], emb_dim))
        self.Wa = rng.normal(0, 0.5 / np.sqrt(d), (d, d))      # (out, in)
        self.ca = rng.normal(0, 0.05, d)
        self.Wb = rng.normal(0, 0.5 / np.sqrt(d), (d, d))
        self.cb = rng.normal(0, 0.05, d)
        self.head_w = rng.normal(0, 1.0 / np.sqrt(d), (1, d))
        self.head_b = np.zeros(1)
        self.names = ["emb_a", "emb_b", "Wa", "ca", "Wb", "cb", "head_w", "head_b"]
        self.lr, self.betas, self.eps, self.wd = lr, betas, eps, weight_decay
        self.pos_weight, self.max_norm = pos_weight, max_norm
        self.exp_avg = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.exp_avg_sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.step_count = 0

    def train_step(self, X, y):
        y = y.reshape(-1)
        ia, ib = X[:, 0].astype(np.int64), X[:, 1].astype(np.int64)
        k = self.emb_a.shape[1]
        x0 = np.concatenate([self.emb_a[ia], self.emb_b[ib], X[:, 2:]], axis=1)
        u1 = x0 @ self.Wa.T + self.ca
        x1 = x0 * u1 + x0
        u2 = x1 @ self.Wb.T + self.cb
        x2 = x0 * u2 + x1
        z = x2 @ self.head_w[0] + self.head_b[0]

        pw = self.pos_weight
        log_p = -np.logaddexp(0, -z)          # log sigmoid(z)
        log_q = -np.logaddexp(0, z)           # log (1 - sigmoid(z))
        loss = -(pw * y * log_p + (1 - y) * log_q).sum()
        s = np.exp(log_p)
        dz = (1 - y) * s - pw * y * (1 - s)

        g = {"head_w": (dz @ x2)[None, :], "head_b": dz.sum(keepdims=True)}
        dx2 = np.outer(dz, self.head_w[0])
        du2 = dx2 * x0
        g["Wb"] = du2.T @ x1
        g["cb"] = du2.sum(axis=0)
        dx1 = dx2 + du2 @ self.Wb
        dx0 = dx2 * u2
        du1 = dx1 * x0
        g["Wa"] = du1.T @ x0
        g["ca"] = du1.sum(axis=0)
        dx0 = dx0 + dx1 * u1 + dx1 + du1 @ self.Wa
        ga = np.zeros_like(self.emb_a)
        gb = np.zeros_like(self.emb_b)
        np.add.at(ga, ia, dx0[:, :k])
        np.add.at(gb, ib, dx0[:, k:2 * k])
        g["emb_a"], g["emb_b"] = ga, gb

        flat = np.concatenate([g[n].ravel() for n in self.names])
        coef = self.max_norm / (np.linalg.norm(flat) + 1e-6)
        if coef < 1.0:
            g = {n: v * coef for n, v in g.items()}
        self.grads = g

        self.step_count += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.step_count
        bc2 = 1 - b2 ** self.step_count
        step_size = self.lr / bc1
        for n in self.names:
            p = getattr(self, n)
            p *= 1 - self.lr * self.wd
            m, v = self.exp_avg[n], self.exp_avg_sq[n]
            m += (1 - b1) * (g[n] - m)
            v *= b2
            v += (1 - b2) * g[n] * g[n]
            denom = np.sqrt(v) / np.sqrt(bc2) + self.eps
            p -= step_size * m / denom
        return float(loss)
