"""DeepSets regressor over padded point sets, from scratch in NumPy.

Each set is a (MAX_SET, 3) block of points padded with zero rows; channel 3 of X says which rows
are real (1.0) and which are padding (0.0). phi, a two-layer tanh MLP, embeds every point on its
own; the embeddings of the real points are summed (the padding rows masked out), and rho, a ReLU
MLP, maps the pooled vector to one number per set. Mean squared error, hand-written backward
pass, SGD with momentum and L2 weight decay on the weight matrices (not the biases).

    X: float (n, 6, 4) points and presence flag, y: float (n, 1)
"""

import numpy as np

D, H, P, R = 3, 12, 8, 12
LR, MOM, WD = 0.02, 0.9, 0.05


class DeepSets:
    def __init__(self, seed=73):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "b1": rng.normal(0.0, 0.1, H),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, P)),
            "b2": rng.normal(0.0, 0.1, P),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(P), (P, R)),
            "b3": rng.normal(0.0, 0.1, R),
            "W4": rng.normal(0.0, 1.0 / np.sqrt(R), (R, 1)),
            "b4": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        x, mask = X[:, :, :D], X[:, :, D:]
        h1 = np.tanh(x @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        pooled = (h2 * mask).sum(axis=1)
        pre3 = pooled @ p["W3"] + p["b3"]
        r = np.maximum(pre3, 0.0)
        out = r @ p["W4"] + p["b4"]
        self.cache = (x, mask, h1, h2, pooled, pre3, r)
        return out

    def backward(self, out, y):
        p = self.params
        x, mask, h1, h2, pooled, pre3, r = self.cache
        n = len(y)
        g = {}
        dout = 2.0 * (out - y) / n
        g["W4"] = r.T @ dout
        g["b4"] = dout.sum(axis=0)
        dpre3 = (dout @ p["W4"].T) * (pre3 > 0)
        g["W3"] = pooled.T @ dpre3
        g["b3"] = dpre3.sum(axis=0)
        dpooled = dpre3 @ p["W3"].T
        dh2 = dpooled[:, None, :] * mask
        da2 = dh2 * (1.0 - h2 ** 2)
        g["W2"] = np.einsum("nsh,nsp->hp", h1, da2)
        g["b2"] = da2.sum(axis=(0, 1))
        da1 = (da2 @ p["W2"].T) * (1.0 - h1 ** 2)
        g["W1"] = np.einsum("nsd,nsh->dh", x, da1)
        g["b1"] = da1.sum(axis=(0, 1))
        self.grads = g

    def update(self):
        p = self.params
        for k in p:
            g = self.grads[k]
            if k.startswith("W"):
                g = g + 2 * WD * p[k]  # fix: g = g + WD * p[k]
            self.velocity[k] = MOM * self.velocity[k] + g
            p[k] -= LR * self.velocity[k]

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        self.backward(out, y)
        self.update()
        return float(loss)
