"""The contractive autoencoder of cae_numpy.py written another way.

The parameters are named per layer (enc_W, enc_b, dec_W, dec_b) and the encoder's Jacobian is
built explicitly for every row, J[r, j, i] = dh_j / dx_i = s_rj W_ij with s = h (1 - h), so the
penalty is LAM * sum J^2 / n and its gradient is taken through J with np.einsum: directly into W
and through s (ds/dz = s (1 - 2 h)). The reconstruction error is np.einsum'd too. Adagrad keeps
its sums in acc and the decayed rate is computed from the count of updates already made.

    X: float (n, 8) scores in [0, 1], y: float (n, 8) the same scores
"""

import numpy as np

D, HIDDEN = 8, 5
LR, LR_DECAY, EPS, LAM = 0.05, 0.01, 1e-10, 0.1


class ContractiveAEJ:
    def __init__(self, seed=105):
        rng = np.random.default_rng(seed)
        self.params = {
            "enc_W": rng.normal(0.0, 0.5, (D, HIDDEN)),
            "enc_b": np.zeros(HIDDEN),
            "dec_W": rng.normal(0.0, 0.5, (HIDDEN, D)),
            "dec_b": np.full(D, 0.5),
        }
        self.acc = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.updates_done = 0

    def _forward(self, X):
        p = self.params
        h = 1.0 / (1.0 + np.exp(-(X @ p["enc_W"] + p["enc_b"])))
        s = h * (1.0 - h)
        J = np.einsum("rj,ij->rji", s, p["enc_W"])
        xhat = h @ p["dec_W"] + p["dec_b"]
        return h, s, J, xhat

    def _objective(self, X, y, J, xhat):
        n = X.shape[0]
        r = xhat - y
        return (np.einsum("ri,ri->", r, r) + LAM * np.einsum("rji,rji->", J, J)) / n

    def loss(self, X, y):
        h, s, J, xhat = self._forward(X)
        return self._objective(X, y, J, xhat)

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        h, s, J, xhat = self._forward(X)
        value = self._objective(X, y, J, xhat)

        d_xhat = 2.0 * (xhat - y) / n
        d_J = 2.0 * LAM * J / n
        d_s = np.einsum("rji,ij->rj", d_J, p["enc_W"])
        d_z = (d_xhat @ p["dec_W"].T) * s + d_s * s * (1.0 - 2.0 * h)
        grads = {
            "enc_W": X.T @ d_z + np.einsum("rji,rj->ij", d_J, s),
            "enc_b": d_z.sum(axis=0),
            "dec_W": h.T @ d_xhat,
            "dec_b": d_xhat.sum(axis=0),
        }
        self.grads = grads

        rate = LR / (1.0 + self.updates_done * LR_DECAY)
        for k, g in grads.items():
            self.acc[k] = self.acc[k] + g * g
            p[k] = p[k] - rate * g / (np.sqrt(self.acc[k]) + EPS)
        self.updates_done += 1
        return float(value)
