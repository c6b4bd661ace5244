"""GRU regressor in NumPy, the "fully gated unit" as Wikipedia writes it: for each of the 5
steps, update gate z, reset gate r and candidate n from one stacked input matrix Wx (3, 3H) and
one stacked state matrix U (H, 3H), columns [z | r | n], H = 5,

    z = sigmoid(x Wx_z + h U_z + b_z),  r = sigmoid(x Wx_r + h U_r + b_r),
    n = tanh(x Wx_n + (r * h) U_n + b_n),  h <- (1 - z) * h + z * n,

(the reset gate applied to the state before it meets U_n), the last state into a linear unit.
Mean squared error, back-propagation through time, plain gradient descent.

    X: (n, 5, 3), y: (n, 1)
"""

import numpy as np

N_IN, H = 3, 5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SequenceGRU:
    def __init__(self, lr=0.3, seed=3):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 0.5, (N_IN, 3 * H))
        self.U = rng.normal(0.0, 0.4, (H, 3 * H))
        self.b = np.zeros(3 * H)
        self.Wy = rng.normal(0.0, 0.5, (H, 1))
        self.by = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        n_rows, steps, _ = X.shape
        h = np.zeros((n_rows, H), dtype=X.dtype)
        self.steps = []
        for t in range(steps):
            ax = X[:, t] @ self.Wx + self.b
            ah = h @ self.U[:, :2 * H]
            z = sigmoid(ax[:, :H] + ah[:, :H])
            r = sigmoid(ax[:, H:2 * H] + ah[:, H:])
            cand = np.tanh(ax[:, 2 * H:] + (r * h) @ self.U[:, 2 * H:])
            self.steps.append((h, z, r, cand))
            h = (1.0 - z) * h + z * cand
        self.h_last = h
        return h @ self.Wy + self.by

    def train_step(self, X, y):
        n_rows, steps, _ = X.shape
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n_rows
        gWx, gU, gb = np.zeros_like(self.Wx), np.zeros_like(self.U), np.zeros_like(self.b)
        gWy, gby = self.h_last.T @ d_out, d_out.sum(axis=0)
        dh = d_out @ self.Wy.T
        for t in reversed(range(steps)):
            h, z, r, cand = self.steps[t]
            d_cand = dh * z
            d_z = dh * (cand - h)
            dh_prev = dh * (1.0 - z)
            da_n = d_cand * (1.0 - cand ** 2)
            d_rh = da_n @ self.U[:, 2 * H:].T
            d_r = d_rh * h
            dh_prev += d_rh * r
            da_zr = np.concatenate([d_z * z * (1.0 - z), d_r * r * (1.0 - r)], axis=1)
            da = np.concatenate([da_zr, da_n], axis=1)
            gWx += X[:, t].T @ da
            gb += da.sum(axis=0)
            gU[:, :2 * H] += h.T @ da_zr
            gU[:, 2 * H:] += (r * h).T @ da_n
            dh = dh_prev + da_zr @ self.U[:, :2 * H].T
        self.grads = {"Wx": gWx, "U": gU, "b": gb, "Wy": gWy, "by": gby}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
