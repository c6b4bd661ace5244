"""The tied-weight denoising autoencoder of dae_numpy.py written another way (a correct variant).

The shared weight is kept (n_hidden, n_in), the layout of the encoder's nn.Linear, products by
einsum, the sigmoid as 0.5 (1 + tanh(a / 2)), the tied gradient assembled as
W-gradient = dpre^T X + h^T do, and the RMSprop state updated in place.
"""

import numpy as np


class TiedDAEAlt:
    def __init__(self, n_in=10, n_hidden=6, lr=1e-2, alpha=0.95, eps=1e-8, momentum=0.9, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {"W": rng.normal(0.0, 0.5, (n_hidden, n_in)),
                       "bh": rng.normal(0.0, 0.1, n_hidden),
                       "bo": rng.normal(0.0, 0.1, n_in)}
        self.hp = dict(lr=lr, alpha=alpha, eps=eps, momentum=momentum)
        self.square_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.momentum_buffer = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {}

    @staticmethod
    def _sig(a):
        return 0.5 * (1.0 + np.tanh(0.5 * a))

    def _forward(self, X):
        W = self.params["W"]
        h = self._sig(np.einsum("ni,hi->nh", X, W) + self.params["bh"])
        r = self._sig(np.einsum("nh,hi->ni", h, W) + self.params["bo"])
        return h, r

    def loss(self, X, y):
        return np.square(self._forward(X)[1] - y).sum() / X.shape[0]

    def train_step(self, X, y):
        h, r = self._forward(X)
        diff = r - y
        loss = np.square(diff).sum() / X.shape[0]
        do = (2.0 / X.shape[0]) * diff * r * (1.0 - r)
        dpre = np.einsum("ni,hi->nh", do, self.params["W"]) * h * (1.0 - h)
        self.grads = {"W": np.einsum("nh,ni->hi", dpre, X) + np.einsum("nh,ni->hi", h, do),
                      "bh": dpre.sum(0), "bo": do.sum(0)}
        hp = self.hp
        for k, p in self.params.items():
            g = self.grads[k]
            sa, buf = self.square_avg[k], self.momentum_buffer[k]
            sa *= hp["alpha"]
            sa += (1.0 - hp["alpha"]) * g * g
            buf *= hp["momentum"]
            buf += g / (np.sqrt(sa) + hp["eps"])
            p -= hp["lr"] * buf
        return float(loss)
