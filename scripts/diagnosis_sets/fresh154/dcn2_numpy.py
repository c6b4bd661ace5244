"""DCN-V2 (matrix cross layers) for a small table, in NumPy.

X (N, 4): two categorical columns (4 and 5 levels) then two standardised numeric columns.
One embedding table per categorical column (width 3); lookups and numeric columns are
concatenated into x0 (N, 8).

Cross layers (two):  x_{l+1} = x0 * (x_l @ W_l + c_l) + x_l    (W_l kept (in, out), (8, 8))
Head:                z = x_2 @ v + a                           (v (8, 1), a (1,))

Loss: binary cross-entropy with logits, pos_weight 1.5, SUMMED over rows.
Gradients clipped to a global L2 norm of 1.0 (as torch.nn.utils.clip_grad_norm_), then AdamW
(lr 0.01, betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.05 on every parameter).
"""

import numpy as np


class DCNv2:
    def __init__(self, cards=(4, 5), emb_dim=3, n_num=2, n_cross=2, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, weight_decay=0.05, pos_weight=1.5, max_norm=1.0, seed=2):
        rng = np.random.default_rng(seed)
        self.n_cat = len(cards)
        self.n_cross = n_cross
        d = len(cards) * emb_dim + n_num
        self.params = {}
        for j, c in enumerate(cards):
            self.params[f"emb{j}"] = rng.normal(0, 0.4, (c, emb_dim))
        for l in range(n_cross):
            self.params[f"W{l}"] = rng.normal(0, 0.5 / np.sqrt(d), (d, d))
            self.params[f"c{l}"] = rng.normal(0, 0.05, d)
        self.params["v"] = rng.normal(0, 1.0 / np.sqrt(d), (d, 1))
        self.params["a"] = np.zeros(1)
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.wd = weight_decay
        self.pos_weight = pos_weight
        self.max_norm = max_norm
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        cat = X[:, :self.n_cat].astype(np.int64)
        x0 = np.concatenate([p[f"emb{j}"][cat[:, j]] for j in range(self.n_cat)]
                            + [X[:, self.n_cat:]], axis=1)
        xs, us = [x0], []
        for l in range(self.n_cross):
            u = xs[-1] @ p[f"W{l}"] + p[f"c{l}"]
            us.append(u)
            xs.append(x0 * u + xs[-1])
        z = (xs[-1] @ p["v"] + p["a"])[:, 0]
        self.cache = (cat, xs, us)
        return z

    def backward(self, z, y):
        p = self.params
        cat, xs, us = self.cache
        x0 = xs[0]
        pw = self.pos_weight
        loss = np.sum(pw * y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))
        s = 1.0 / (1.0 + np.exp(-z))
        dz = pw * y * (s - 1) + (1 - y) * s            # summed loss: no 1/N
        g = {}
        g["v"] = xs[-1].T @ dz[:, None]
        g["a"] = np.array([dz.sum()])
        dx = dz[:, None] * p["v"][:, 0]
        dx0 = np.zeros_like(x0)
        for l in reversed(range(self.n_cross)):
            du = dx * x0
            dx0 += dx * us[l]
            g[f"W{l}"] = xs[l].T @ du
            g[f"c{l}"] = du.sum(axis=0)
            dx = dx + du @ p[f"W{l}"].T
        dx0 += dx
        k = p["emb0"].shape[1]
        for j in range(self.n_cat):
            ge = np.zeros_like(p[f"emb{j}"])
            np.add.at(ge, cat[:, j], dx0[:, j * k:(j + 1) * k])
            g[f"emb{j}"] = ge
        self.grads = g
        return loss

    def clip(self):
        total = np.sqrt(sum(np.sum(g * g) for g in self.grads.values()))
        scale = min(1.0, self.max_norm / (total + 1e-6))
        for k in self.grads:
            self.grads[k] = self.grads[k] * scale

    def adamw(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1 - self.lr * self.wd
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        y = y.reshape(-1)
        z = self.forward(X)
        loss = self.backward(z, y)
        self.clip()
        self.adamw()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dcn2.npz"))
    net = DCNv2()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
