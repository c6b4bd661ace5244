"""A small capsule network in NumPy for the rows of caps.npz, hand-written backward pass.

Primary capsules: a linear layer 12 -> 24 reshaped into 6 capsules of 4 dimensions, each squashed,
squash(s) = |s|^2 / (1 + |s|^2) * s / sqrt(|s|^2 + EPS). Prediction vectors u_hat_ij = W_ij u_i
with one (6, 4) matrix per primary capsule i and class capsule j (W kept (6, 3, 6, 4)). Dynamic
routing, 3 iterations: c_i = softmax over the class capsules of the logits b_i, s_j = sum_i c_ij
u_hat_ij, v_j = squash(s_j), b_ij += u_hat_ij . v_j. The coupling coefficients are treated as
constants in the backward pass (the gradient flows only through the last s = sum c u_hat). The
class scores are the capsule lengths |v_j|; the margin loss
    sum_k T_k max(0, M_PLUS - |v_k|)^2 + LAM (1 - T_k) max(0, |v_k| - M_MINUS)^2
is averaged over the batch. SGD with momentum (torch's form: buf = MOM buf + g, p -= LR buf).

    X: float (n, 12) in [0, 1], y: float (n, 3) one-hot
"""

import numpy as np

N_IN, N_PRIM, D_PRIM, N_CLASS, D_CLASS = 12, 6, 4, 3, 6
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR, MOM = 0.5, 0.9


def squash(s):
    n2 = (s * s).sum(axis=-1, keepdims=True)
    scale = n2 / ((1.0 + n2) * np.sqrt(n2 + EPS))
    return scale * s, n2, scale


def squash_backward(s, n2, scale, dv):
    # v = f(n2) s  ->  ds = f dv + 2 f'(n2) (s . dv) s
    dscale = ((n2 + EPS) - 0.5 * n2 * (1.0 + n2)) / ((1.0 + n2) ** 2 * (n2 + EPS) ** 1.5)
    return scale * dv + 2.0 * dscale * (s * dv).sum(axis=-1, keepdims=True) * s


def softmax(b, axis):
    e = np.exp(b - b.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class CapsDense:
    def __init__(self, seed=69):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wp": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, N_PRIM * D_PRIM)),
            "bp": np.zeros(N_PRIM * D_PRIM),
            "W": rng.normal(0.0, 0.5, (N_PRIM, N_CLASS, D_CLASS, D_PRIM)),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        n = len(X)
        u_pre = (X @ p["Wp"] + p["bp"]).reshape(n, N_PRIM, D_PRIM)
        u, n2_u, scale_u = squash(u_pre)
        u_hat = np.einsum("pkij,npj->npki", p["W"], u)
        b = np.zeros((n, N_PRIM, N_CLASS), dtype=u_hat.dtype)
        for it in range(ROUTING):
            c = softmax(b, axis=2)
            s = np.einsum("npk,npkd->nkd", c, u_hat)
            v, n2_s, scale_s = squash(s)
            if it < ROUTING - 1:
                b = b + np.einsum("npkd,nkd->npk", u_hat, v)
        self.cache = dict(X=X, u_pre=u_pre, u=u, n2_u=n2_u, scale_u=scale_u, u_hat=u_hat, c=c, s=s,
                          n2_s=n2_s, scale_s=scale_s, v=v)
        return v

    def train_step(self, X, y):
        p = self.params
        y = y.astype(p["W"].dtype)
        n = len(X)
        v = self.forward(X)
        C = self.cache
        lengths = np.sqrt((v * v).sum(axis=-1))
        present = np.maximum(0.0, M_PLUS - lengths)
        absent = np.maximum(0.0, lengths - M_MINUS)
        loss = (y * present ** 2 + LAM * (1.0 - y) * absent ** 2).sum(axis=1).mean()

        dlen = (-2.0 * y * present + 2.0 * LAM * (1.0 - y) * absent) / n
        dv = dlen[..., None] * v / lengths[..., None]
        ds = squash_backward(C["s"], C["n2_s"], C["scale_s"], dv)
        du_hat = C["c"][..., None] * ds[:, None, :, :]
        g = {}
        g["W"] = np.einsum("npki,npj->pkij", du_hat, C["u"])
        du = np.einsum("pkij,npki->npj", p["W"], du_hat)
        du_pre = squash_backward(C["u_pre"], C["n2_u"], C["scale_u"], du).reshape(n, N_PRIM * D_PRIM)
        g["Wp"] = X.T @ du_pre
        g["bp"] = du_pre.sum(axis=0)
        self.grads = g

        for k in p:
            self.velocity[k] = MOM * self.velocity[k] + g[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
