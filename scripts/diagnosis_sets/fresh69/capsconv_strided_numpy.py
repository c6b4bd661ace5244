"""The 1-D convolutional capsule network of capsconv_numpy.py written another way: the kernel kept
in torch's (out, in, k) layout, the windows taken with sliding_window_view and a stride slice,
the convolution by np.tensordot, capsules built by a reshape of the channel-major map, the
routing's forward values kept per iteration in lists and its reverse pass written with the
softmax Jacobian spelled out, log-sum-exp softmax, and Adam with its moments in dicts.

    X: float (n, 15) signals, y: float (n, 3) one-hot
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

LENGTH, KSIZE, STRIDE, TYPES, D_PRIM = 15, 5, 2, 2, 4
N_POS = (LENGTH - KSIZE) // STRIDE + 1
N_PRIM = TYPES * N_POS
N_CLASS, D_CLASS = 3, 4
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR, BETAS, ADAM_EPS = 0.02, (0.9, 0.999), 1e-8


def squash_fwd(s):
    q = np.sum(s ** 2, axis=-1, keepdims=True)
    r = np.sqrt(q + EPS)
    return s * q / ((1.0 + q) * r), (s, q, r)


def squash_bwd(cache, dv):
    s, q, r = cache
    f = q / ((1.0 + q) * r)
    # df/dq = 1/((1+q)^2 r) - q/(2 (1+q) r^3)
    df_dq = 1.0 / ((1.0 + q) ** 2 * r) - q / (2.0 * (1.0 + q) * r ** 3)
    return f * dv + df_dq * 2.0 * s * np.sum(s * dv, axis=-1, keepdims=True)


def log_softmax_last(b):
    m = b.max(axis=-1, keepdims=True)
    return b - m - np.log(np.exp(b - m).sum(axis=-1, keepdims=True))


class CapsConvStrided:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "kernel": rng.normal(0.0, 0.45, (TYPES * D_PRIM, 1, KSIZE)),
            "bias": np.zeros(TYPES * D_PRIM),
            "routing_W": rng.normal(0.0, 0.5, (N_PRIM, N_CLASS, D_CLASS, D_PRIM)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.step = 0

    def train_step(self, X, y):
        P = self.params
        dt = P["bias"].dtype
        X, y = X.astype(dt), y.astype(dt)
        n = X.shape[0]

        win = sliding_window_view(X, KSIZE, axis=1)[:, ::STRIDE, :]              # (n, pos, k)
        fmap = np.tensordot(win, P["kernel"][:, 0, :], axes=([2], [1]))          # (n, pos, out)
        fmap = fmap + P["bias"]
        chan_major = np.moveaxis(fmap, 1, 2)                                       # (n, out, pos)
        s_prim = chan_major.reshape(n, TYPES, D_PRIM, N_POS).swapaxes(2, 3).reshape(n, N_PRIM, D_PRIM)
        u, u_cache = squash_fwd(s_prim)
        u_hat = (P["routing_W"][None] @ u[:, :, None, :, None])[..., 0]        # (n, i, j, d)

        logits = np.zeros(u_hat.shape[:3], dtype=dt)
        coup, caches, outs = [], [], []
        for r in range(ROUTING):
            c = np.exp(log_softmax_last(logits))
            v, cache = squash_fwd((c[..., None] * u_hat).sum(axis=1))
            coup.append(c)
            caches.append(cache)
            outs.append(v)
            if r + 1 < ROUTING:
                logits = logits + (u_hat * v[:, None]).sum(axis=-1)

        norm = np.linalg.norm(v, axis=-1)
        hinge_pos = np.clip(M_PLUS - norm, 0.0, None)
        hinge_neg = np.clip(norm - M_MINUS, 0.0, None)
        per_row = np.sum(y * hinge_pos ** 2 + LAM * (1.0 - y) * hinge_neg ** 2, axis=1)
        loss = per_row.mean()

        dnorm = (2.0 / n) * (LAM * (1.0 - y) * hinge_neg - y * hinge_pos)
        g_v = dnorm[..., None] * v / norm[..., None]
        g_uhat = np.zeros_like(u_hat)
        g_logits = np.zeros_like(logits)
        for r in range(ROUTING - 1, -1, -1):
            c = coup[r]
            g_s = squash_bwd(caches[r], g_v)
            g_uhat = g_uhat + c[..., None] * g_s[:, None]
            g_c = np.einsum("nijd,njd->nij", u_hat, g_s)
            # softmax Jacobian over the class capsules: diag(c) - c c^T
            jac = np.einsum("nij,jk->nijk", c, np.eye(N_CLASS, dtype=dt)) - c[..., :, None] * c[..., None, :]
            g_logits = g_logits + np.einsum("nijk,nik->nij", jac, g_c)
            if r > 0:
                g_uhat = g_uhat + g_logits[..., None] * outs[r - 1][:, None]
                g_v = np.einsum("nij,nijd->njd", g_logits, u_hat)

        grads = {"routing_W": np.einsum("nijd,nie->ijde", g_uhat, u)}
        g_u = np.einsum("ijde,nijd->nie", P["routing_W"], g_uhat)
        g_prim = squash_bwd(u_cache, g_u)
        g_map = g_prim.reshape(n, TYPES, N_POS, D_PRIM).swapaxes(2, 3).reshape(n, TYPES * D_PRIM, N_POS)
        grads["kernel"] = np.tensordot(g_map, win, axes=([0, 2], [0, 1]))[:, None, :]
        grads["bias"] = g_map.sum(axis=(0, 2))
        self.grads = grads

        self.step += 1
        b1, b2 = BETAS
        for name, w in P.items():
            self.m[name] = b1 * self.m[name] + (1 - b1) * grads[name]
            self.v[name] = b2 * self.v[name] + (1 - b2) * np.square(grads[name])
            denom = np.sqrt(self.v[name] / (1 - b2 ** self.step)) + ADAM_EPS
            w -= (LR / (1 - b1 ** self.step)) * self.m[name] / denom
        return float(loss)
