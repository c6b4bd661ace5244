"""A capsule network with a reconstruction decoder in NumPy for caps.npz, hand-written backward.

A ReLU layer 12 -> 16, primary capsules from a linear layer 16 -> 24 read as 6 capsules of 4
dimensions, squashed, squash(s) = |s|^2 / (1 + |s|^2) * s / sqrt(|s|^2 + EPS); prediction vectors
u_hat_ij = W_ij u_i (W kept (6, 3, 6, 4)); three dynamic-routing iterations with the coupling
coefficients held constant in the backward pass. The class scores are the capsule lengths. The
decoder sees the class capsules masked by the true label (only the target capsule kept),
flattened to 18 values: a ReLU layer 18 -> 16 and a sigmoid layer 16 -> 12 reconstruct the row.
Loss: the margin loss averaged over the batch plus RECON_W times the per-row sum of squared
reconstruction errors averaged over the batch. Adam as torch.optim.Adam.

    X: float (n, 12) in [0, 1], y: float (n, 3) one-hot
"""

import numpy as np

N_IN, HIDDEN, N_PRIM, D_PRIM, N_CLASS, D_CLASS, DEC = 12, 16, 6, 4, 3, 6, 16
ROUTING = 3
M_PLUS, M_MINUS, LAM, RECON_W = 0.9, 0.1, 0.5, 0.1
EPS = 1e-7
LR, BETA1, BETA2, ADAM_EPS = 0.01, 0.9, 0.999, 1e-8


def squash(s):
    n2 = (s * s).sum(axis=-1, keepdims=True)
    scale = n2 / ((1.0 + n2) * np.sqrt(n2 + EPS))
    return scale * s, n2, scale


def squash_backward(s, n2, scale, dv):
    dscale = ((n2 + EPS) - 0.5 * n2 * (1.0 + n2)) / ((1.0 + n2) ** 2 * (n2 + EPS) ** 1.5)
    return scale * dv + 2.0 * dscale * (s * dv).sum(axis=-1, keepdims=True) * s


def softmax(b, axis):
    e = np.exp(b - b.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class CapsRecon:
    def __init__(self, seed=69):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / N_IN), (N_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "Wp": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_PRIM * D_PRIM)),
            "bp": np.zeros(N_PRIM * D_PRIM),
            "W": rng.normal(0.0, 0.5, (N_PRIM, N_CLASS, D_CLASS, D_PRIM)),
            "Wd1": rng.normal(0.0, np.sqrt(2.0 / (N_CLASS * D_CLASS)), (N_CLASS * D_CLASS, DEC)),
            "bd1": np.zeros(DEC),
            "Wd2": rng.normal(0.0, 1.0 / np.sqrt(DEC), (DEC, N_IN)),
            "bd2": np.zeros(N_IN),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        dt = p["W"].dtype
        X, y = X.astype(dt), y.astype(dt)
        n = len(X)

        # forward
        a1 = X @ p["W1"] + p["b1"]
        h = np.maximum(a1, 0.0)
        u_pre = (h @ p["Wp"] + p["bp"]).reshape(n, N_PRIM, D_PRIM)
        u, n2_u, scale_u = squash(u_pre)
        u_hat = np.einsum("pkij,npj->npki", p["W"], u)
        b = np.zeros((n, N_PRIM, N_CLASS), dtype=dt)
        for it in range(ROUTING):
            c = softmax(b, axis=2)
            s = np.einsum("npk,npkd->nkd", c, u_hat)
            v, n2_s, scale_s = squash(s)
            if it < ROUTING - 1:
                b = b + np.einsum("npkd,nkd->npk", u_hat, v)
        lengths = np.sqrt((v * v).sum(axis=-1))
        masked = (v * y[:, :, None]).reshape(n, N_CLASS * D_CLASS)
        r_pre = masked @ p["Wd1"] + p["bd1"]
        r = np.maximum(r_pre, 0.0)
        recon = 1.0 / (1.0 + np.exp(-(r @ p["Wd2"] + p["bd2"])))

        present = np.maximum(0.0, M_PLUS - lengths)
        absent = np.maximum(0.0, lengths - M_MINUS)
        margin = (y * present ** 2 + LAM * (1.0 - y) * absent ** 2).sum(axis=1).mean()
        recon_err = ((recon - X) ** 2).sum(axis=1).mean()
        loss = margin + RECON_W * recon_err

        # backward: decoder
        g = {}
        drecon = RECON_W * 2.0 * (recon - X) / n
        dz = drecon * recon * (1.0 - recon)
        g["Wd2"] = r.T @ dz
        g["bd2"] = dz.sum(axis=0)
        dr = (dz @ p["Wd2"].T) * (r_pre > 0)
        g["Wd1"] = masked.T @ dr
        g["bd1"] = dr.sum(axis=0)
        dmasked = (dr @ p["Wd1"].T).reshape(n, N_CLASS, D_CLASS)
        dv = dmasked * y[:, :, None]

        # backward: margin loss and capsules
        dlen = (-2.0 * y * present + 2.0 * LAM * (1.0 - y) * absent) / n
        dv = dv + dlen[..., None] * v / lengths[..., None]
        ds = squash_backward(s, n2_s, scale_s, dv)
        du_hat = c[..., None] * ds[:, None, :, :]
        g["W"] = np.einsum("npki,npj->pkij", du_hat, u)
        du = np.einsum("pkij,npki->npj", p["W"], du_hat)
        du_pre = squash_backward(u_pre, n2_u, scale_u, du).reshape(n, N_PRIM * D_PRIM)
        g["Wp"] = h.T @ du_pre
        g["bp"] = du_pre.sum(axis=0)
        da1 = (du_pre @ p["Wp"].T) * (a1 > 0)
        g["W1"] = X.T @ da1
        g["b1"] = da1.sum(axis=0)
        self.grads = g

        # Adam
        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
