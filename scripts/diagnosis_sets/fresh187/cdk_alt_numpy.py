"""CD-2 RBM of cdk_numpy.py with the weight kept (hidden, visible), as attributes.

The chain is unrolled into a list of (v, ph) states, the update written in place
(np.multiply / += into the velocity arrays, -= into the parameters).
"""

import numpy as np


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class TransposedCDk:
    def __init__(self, n_visible=20, n_hidden=12, k=2, lr=0.05, momentum=0.9, l2=1e-2, seed=1):
        rng = np.random.default_rng(seed)
        self.WT = rng.normal(0.0, 0.1, size=(n_visible, n_hidden)).T.copy()   # (hidden, visible)
        self.a = rng.normal(0.0, 0.1, size=n_visible)                           # visible bias
        self.bh = np.zeros(n_hidden)                                            # hidden bias
        self.k, self.lr, self.momentum, self.l2 = k, lr, momentum, l2
        self.vel = {"WT": np.zeros_like(self.WT), "a": np.zeros_like(self.a),
                    "bh": np.zeros_like(self.bh)}

    def chain(self, X, y):
        nh, nv = self.WT.shape
        states = [(X, sigmoid(X @ self.WT.T + self.bh))]
        pv = None
        for t in range(self.k):
            v, ph = states[-1]
            noise = y[:, t * (nh + nv):(t + 1) * (nh + nv)]
            h = (noise[:, :nh] < ph).astype(X.dtype)
            pv = sigmoid(h @ self.WT + self.a)
            v_new = (noise[:, nh:] < pv).astype(X.dtype)
            states.append((v_new, sigmoid(v_new @ self.WT.T + self.bh)))
        return states, pv

    def train_step(self, X, y):
        states, pv = self.chain(X, y)
        (v0, ph0), (vk, phk) = states[0], states[-1]
        N = X.shape[0]
        gWT = (phk.T @ vk - ph0.T @ v0) / N + self.l2 * self.WT
        ga = (vk - v0).mean(axis=0)
        gbh = (phk - ph0).mean(axis=0)
        self.grads = {"WT": gWT, "a": ga, "bh": gbh}
        for name, g in self.grads.items():
            v = self.vel[name]
            np.multiply(v, self.momentum, out=v)
            v += g
            getattr(self, name)[...] -= self.lr * v
        diff = X - pv
        return np.einsum("ni,ni->", diff, diff) / N
