"""Planar flow in NumPy, trained by maximum likelihood on 2-D data:
z = x + u tanh(w.x + b), psi(x) = (1 - tanh^2(w.x + b)) w, log|det dz/dx| = log|1 + u.psi(x)|,
standard normal base density, NLL averaged over the rows, hand-written gradients, gradient descent.

    X: (n, 2) data, y ignored
"""

import numpy as np

LR = 0.05


class PlanarFlow:
    def __init__(self, dim=2, seed=3):
        rng = np.random.default_rng(seed)
        self.u = rng.normal(0.0, 0.5, dim)
        self.w = rng.normal(0.0, 0.5, dim)
        self.b = np.zeros(1)

    def train_step(self, X, y=None):
        n, d = X.shape
        u, w = self.u, self.w
        h = np.tanh(X @ w + self.b)                 # (n,)
        hp = 1.0 - h ** 2
        z = X + h[:, None] * u
        psi = hp[:, None] * w
        det = 1.0 + psi @ u
        log_det = np.log(np.abs(det))
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * d * np.log(2 * np.pi)
        loss = -(log_pz + log_det).mean()

        g = z / n                                   # dL/dz
        c = -1.0 / (n * det)                        # dL/d det
        uw = u @ w
        du = h @ g + (c * hp).sum() * w
        dw_det = (c * hp).sum() * u
        dhp = c * uw
        dh = g @ u - 2.0 * h * dhp
        da = dh * hp
        dw = X.T @ da + dw_det
        db = np.array([da.sum()])
        self.grads = {"u": du, "w": dw, "b": db}
        self.u -= LR * du
        self.w -= LR * dw
        self.b -= LR * db
        return float(loss)
