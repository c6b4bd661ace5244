"""A 1-D convolutional capsule network in NumPy for the signals of wave.npz, hand-written backward
pass through the routing.

Primary capsules: a one-channel convolution, kernel 5, stride 2, 8 output channels over the 15
samples (6 positions, by im2col), the channels read as 2 capsule types x 4 dimensions, so 12
primary capsules of 4 dimensions (type-major: capsule t * 6 + position), each squashed,
squash(s) = |s|^2 / (1 + |s|^2) * s / sqrt(|s|^2 + EPS). Prediction vectors u_hat_ij = W_ij u_i
(W kept (12, 3, 4, 4)). Dynamic routing, 3 iterations (softmax over the class capsules, logits
updated by the agreement u_hat . v), differentiated through every iteration: the backward pass
runs the routing in reverse. The class scores are the capsule lengths; the margin loss is
averaged over the batch; Adam as torch.optim.Adam (eps outside the square root, bias-corrected).

    X: float (n, 15) signals, y: float (n, 3) one-hot
"""

import numpy as np

LENGTH, KSIZE, STRIDE, TYPES, D_PRIM = 15, 5, 2, 2, 4
N_POS = (LENGTH - KSIZE) // STRIDE + 1
N_PRIM = TYPES * N_POS
N_CLASS, D_CLASS = 3, 4
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR, BETA1, BETA2, ADAM_EPS = 0.02, 0.9, 0.999, 1e-8


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


class CapsConv:
    def __init__(self, seed=69):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, 1.0 / np.sqrt(KSIZE), (KSIZE, 1, TYPES * D_PRIM)),
            "bK": np.zeros(TYPES * D_PRIM),
            "W": rng.normal(0.0, 0.5, (N_PRIM, N_CLASS, D_CLASS, D_PRIM)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        starts = np.arange(N_POS) * STRIDE
        patches = X[:, starts[:, None] + np.arange(KSIZE)[None, :]]          # (n, pos, k)
        h = patches @ p["K"][:, 0, :] + p["bK"]
        u_pre = h.reshape(n, N_POS, TYPES, D_PRIM).transpose(0, 2, 1, 3).reshape(n, N_PRIM, D_PRIM)
        u, n2_u, scale_u = squash(u_pre)
        u_hat = np.einsum("pkij,npj->npki", p["W"], u)
        b = np.zeros((n, N_PRIM, N_CLASS), dtype=u_hat.dtype)
        rounds = []
        for it in range(ROUTING):
            c = softmax(b, axis=2)
            s = np.einsum("npk,npkd->nkd", c, u_hat)
            v, n2_s, scale_s = squash(s)
            rounds.append((c, s, n2_s, scale_s, v))
            if it < ROUTING - 1:
                b = b + np.einsum("npkd,nkd->npk", u_hat, v)
        self.cache = dict(patches=patches, u_pre=u_pre, u=u, n2_u=n2_u, scale_u=scale_u, u_hat=u_hat,
                          rounds=rounds)
        return v

    def backward(self, dv):
        p, C = self.params, self.cache
        u_hat, rounds = C["u_hat"], C["rounds"]
        n = len(u_hat)
        du_hat = np.zeros_like(u_hat)
        db = np.zeros(u_hat.shape[:3], dtype=u_hat.dtype)
        for t in reversed(range(ROUTING)):
            c, s, n2_s, scale_s, _ = rounds[t]
            ds = squash_backward(s, n2_s, scale_s, dv)
            du_hat += c[..., None] * ds[:, None, :, :]
            dc = np.einsum("npkd,nkd->npk", u_hat, ds)
            db = db + c * (dc - (c * dc).sum(axis=2, keepdims=True))
            if t > 0:
                v_prev = rounds[t - 1][4]
                du_hat += db[..., None] * v_prev[:, None, :, :]
                dv = np.einsum("npk,npkd->nkd", db, u_hat)
        g = {}
        g["W"] = np.einsum("npki,npj->pkij", du_hat, C["u"])
        du = np.einsum("pkij,npki->npj", p["W"], du_hat)
        du_pre = squash_backward(C["u_pre"], C["n2_u"], C["scale_u"], du)
        dh = du_pre.reshape(n, TYPES, N_POS, D_PRIM).transpose(0, 2, 1, 3).reshape(n, N_POS, TYPES * D_PRIM)
        g["K"] = np.einsum("npk,npc->kc", C["patches"], dh)[:, None, :]
        g["bK"] = dh.sum(axis=(0, 1))
        return g

    def train_step(self, X, y):
        p = self.params
        X = X.astype(p["W"].dtype)
        y = y.astype(p["W"].dtype)
        n = len(X)
        v = self.forward(X)
        lengths = np.sqrt((v * v).sum(axis=-1))
        present = np.maximum(0.0, M_PLUS - lengths)
        absent = np.maximum(0.0, lengths - M_MINUS)
        loss = (y * present ** 2 + LAM * (1.0 - y) * absent ** 2).sum(axis=1).mean()

        dlen = (-2.0 * y * present + 2.0 * LAM * (1.0 - y) * absent) / n
        self.grads = g = self.backward(dlen[..., None] * v / lengths[..., None])

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
