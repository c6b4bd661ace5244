"""The gradient-penalty critic of critic_numpy.py written another way: samples as columns, the
weights as attributes stored (out, in) like torch's, the biases broadcast down the columns, the two
classes picked out with boolean masks, the input gradient G = W_hid^T (w_out^T * (1 - h^2)) per
column and its backward written column-wise; RMSprop's square averages in a list in the order of
PARAMS, the clipping as np.minimum(np.maximum(...)) assigned back with setattr.

    X: float (n, 5), y: float (n, 1) 1 for real, 0 for fake
"""

import numpy as np

D, H = 5, 12
LR, ALPHA, EPS = 0.005, 0.9, 1e-8
LAM, CLIP = 1.0, 0.5
PARAMS = ("W_hid", "b_hid", "w_out", "b_out")


class ColumnCritic:
    def __init__(self, seed=89):
        rng = np.random.default_rng(seed)
        self.W_hid = rng.uniform(-CLIP, CLIP, (H, D))
        self.b_hid = rng.uniform(-0.2, 0.2, H)
        self.w_out = rng.uniform(-CLIP, CLIP, (1, H))
        self.b_out = np.zeros(1)
        self.ms = [np.zeros_like(getattr(self, k)) for k in PARAMS]

    def train_step(self, X, y):
        Xc = X.T
        real = y[:, 0] > 0.5
        n = Xc.shape[1]
        h = np.tanh(self.W_hid @ Xc + self.b_hid[:, None])
        f = self.w_out @ h + self.b_out[:, None]
        wasserstein = f[0, ~real].mean() - f[0, real].mean()
        A = self.w_out.T * (1.0 - h ** 2)
        G = self.W_hid.T @ A
        norms = np.linalg.norm(G, axis=0)
        penalty = np.mean((norms - 1.0) ** 2)
        loss = wasserstein + LAM * penalty

        df = np.where(real, -1.0 / real.sum(), 1.0 / (~real).sum()).astype(f.dtype)[None, :]
        R = G * ((norms - 1.0) / norms) * (2.0 * LAM / n)
        dA = self.W_hid @ R
        dh = self.w_out.T @ df - 2.0 * h * dA * self.w_out.T
        dpre = dh * (1.0 - h ** 2)
        grads = {
            "W_hid": dpre @ Xc.T + A @ R.T,
            "b_hid": dpre.sum(axis=1),
            "w_out": df @ h.T + (dA * (1.0 - h ** 2)).sum(axis=1)[None, :],
            "b_out": df.sum(axis=1),
        }
        self.grads = grads

        for i, k in enumerate(PARAMS):
            self.ms[i] = ALPHA * self.ms[i] + (1.0 - ALPHA) * grads[k] * grads[k]
            stepped = getattr(self, k) - LR * grads[k] / (np.sqrt(self.ms[i]) + EPS)
            setattr(self, k, np.minimum(np.maximum(stepped, -CLIP), CLIP))
        return float(loss)
