"""Autoregressive decoder in NumPy, teacher-forced and therefore vectorised: since every decoder
input is known beforehand (the window's last value, then the stored targets of the steps
before), the three unrolled steps run at once on a (n, 3, 8) block, the teacher-forced inputs
made by one shift-right concatenate and the step axis summed out of the shared weights'
gradients with np.einsum. MSE over all steps, plain SGD.

    X: (n, 12) past values, y: (n, 3) the next three values
"""

import numpy as np

L, H, HID = 12, 3, 8


class VectorisedDecoder:
    def __init__(self, lr=0.1, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HID)),
            "u": rng.normal(0.0, 1.0, HID),
            "b1": np.zeros(HID),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, 1)),
            "b2": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        dec_in = np.concatenate([X[:, -1:], y[:, :-1]], axis=1)              # (n, H)
        z = np.tanh((X @ p["W1"])[:, None, :] + dec_in[:, :, None] * p["u"] + p["b1"])   # (n, H, HID)
        f = np.einsum("nkh,ho->nk", z, p["W2"]) + p["b2"]
        loss = np.mean((f - y) ** 2)

        d_f = 2.0 * (f - y) / f.size
        d_z = d_f[:, :, None] * p["W2"][:, 0] * (1.0 - z ** 2)
        g = {
            "W2": np.einsum("nkh,nk->h", z, d_f)[:, None],
            "b2": np.array([d_f.sum()]),
            "W1": np.einsum("nl,nkh->lh", X, d_z),
            "u": np.einsum("nk,nkh->h", dec_in, d_z),
            "b1": d_z.sum(axis=(0, 1)),
        }
        self.grads = g
        for k in p:
            p[k] -= self.lr * g[k]
        return float(loss)
