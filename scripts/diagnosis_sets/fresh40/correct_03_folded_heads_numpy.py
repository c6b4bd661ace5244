"""Two-head self-attention over padded token sequences in NumPy with the heads folded into the
batch axis ((n, 5, 8) -> (2n, 5, 4), one batched matmul for every head, the padding mask repeated
per head with np.repeat and added as (w - 1) * 1e9), masked mean pooling as one einsum with the
per-row weights w / count, the cross-entropy summed and divided by the batch size, and SGD with
heavy-ball momentum 0.9 and an L2 term 1e-3 * theta added to every gradient (torch.optim.SGD's
weight_decay).

    X: int (n, 5) token ids, 0 = padding; y: one-hot (n, 3)
"""

import numpy as np

VOCAB, T, D, H, C = 10, 5, 8, 2, 3
DH = D // H


class FoldedHeads:
    def __init__(self, lr=0.1, momentum=0.9, weight_decay=1e-3, seed=23):
        rng = np.random.default_rng(seed)
        self.params = dict(
            E=rng.standard_normal((VOCAB, D)), P=0.3 * rng.standard_normal((T, D)),
            Wq=rng.standard_normal((D, D)) / D ** 0.5, Wk=rng.standard_normal((D, D)) / D ** 0.5,
            Wv=rng.standard_normal((D, D)) / D ** 0.5, Wo=rng.standard_normal((D, D)) / D ** 0.5,
            bo=np.zeros(D), Wc=rng.standard_normal((D, C)) / D ** 0.5, bc=np.zeros(C),
        )
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    @staticmethod
    def fold(t):                       # (n, T, D) -> (n*H, T, DH)
        return t.reshape(len(t), T, H, DH).swapaxes(1, 2).reshape(-1, T, DH)

    @staticmethod
    def unfold(t):                     # (n*H, T, DH) -> (n, T, D)
        return t.reshape(-1, H, T, DH).swapaxes(1, 2).reshape(-1, T, D)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        w = (X > 0).astype(p["E"].dtype)
        pool = w / w.sum(axis=1, keepdims=True)
        x = p["E"][X] + p["P"]
        q, k, v = self.fold(x @ p["Wq"]), self.fold(x @ p["Wk"]), self.fold(x @ p["Wv"])
        S = np.matmul(q, k.swapaxes(1, 2)) / DH ** 0.5 + np.repeat((w - 1.0) * 1e9, H, axis=0)[:, None, :]
        A = np.exp(S - S.max(axis=2, keepdims=True))
        A = A / A.sum(axis=2, keepdims=True)
        ctx = self.unfold(np.matmul(A, v))
        hid = x + ctx @ p["Wo"] + p["bo"]
        pooled = np.einsum("nt,ntd->nd", pool, hid)
        z = pooled @ p["Wc"] + p["bc"]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(y * logp).sum() / n

        g = {}
        dz = (np.exp(logp) - y) / n
        g["Wc"], g["bc"] = pooled.T @ dz, dz.sum(0)
        dhid = np.einsum("nt,nd->ntd", pool, dz @ p["Wc"].T)
        g["Wo"], g["bo"] = np.einsum("ntd,nte->de", ctx, dhid), dhid.sum((0, 1))
        dctx = self.fold(dhid @ p["Wo"].T)
        dA = np.matmul(dctx, v.swapaxes(1, 2))
        dv = np.matmul(A.swapaxes(1, 2), dctx)
        dS = A * (dA - (A * dA).sum(axis=2, keepdims=True)) / DH ** 0.5
        dq, dk = np.matmul(dS, k), np.matmul(dS.swapaxes(1, 2), q)
        dx = dhid.copy()
        for name, d in (("Wq", dq), ("Wk", dk), ("Wv", dv)):
            d = self.unfold(d)
            g[name] = np.einsum("ntd,nte->de", x, d)
            dx += d @ p[name].T
        g["P"] = dx.sum(0)
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, dx)
        self.grads = g

        for name, param in p.items():
            d_p = g[name] + self.wd * param
            self.velocity[name] = self.mu * self.velocity[name] + d_p
            param -= self.lr * self.velocity[name]
        return float(loss)
