"""The symmetric InfoNCE model of sym_infonce_numpy.py written in another style.

The weights are stored (out, in) under other names (enc_w, enc_b, proj_w, proj_b); the row is
reshaped to (n, 2, D) and both views go through the encoder at once along a views axis with
np.einsum; the log-softmaxes over the rows and over the columns of the similarity matrix are
taken with np.logaddexp.reduce, and their probabilities are recovered with np.exp for the
backward; the normalisation's Jacobian (I - u u^T) / |z| is applied with an einsum. AdamW keeps
its moments in a nested state dict and folds both bias corrections into one step size, with
eps scaled by sqrt(1 - BETA2^t) (the same update as torch's). The cosine schedule is a function.

    X: float (n, 12), view A in columns 0..5, view B in 6..11; y: the sample index (unused)
"""

import math

import numpy as np

D, H, E = 6, 16, 8
TEMP = 0.2
LR, LR_MIN, TOTAL = 0.01, 0.001, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-8, 0.05


def cosine_lr(done):
    return LR_MIN + 0.5 * (LR - LR_MIN) * (1.0 + math.cos(math.pi * done / TOTAL))


class SymInfoNCEAlt:
    def __init__(self, seed=106):
        rng = np.random.default_rng(seed)
        self.params = {
            "enc_w": rng.normal(0.0, 1.0 / math.sqrt(D), (H, D)),
            "enc_b": np.zeros(H),
            "proj_w": rng.normal(0.0, 1.0 / math.sqrt(H), (E, H)),
            "proj_b": np.zeros(E),
        }
        self.state = {k: {"m": np.zeros_like(a), "v": np.zeros_like(a)} for k, a in self.params.items()}
        self.updates = 0

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        V = X.reshape(n, 2, D)
        A = np.einsum("nvd,hd->nvh", V, p["enc_w"]) + p["enc_b"]
        Hid = A * (A > 0)
        Z = np.einsum("nvh,eh->nve", Hid, p["proj_w"]) + p["proj_b"]
        norms = np.linalg.norm(Z, axis=2, keepdims=True)
        U = Z / norms

        S = np.einsum("ie,je->ij", U[:, 0], U[:, 1]) / TEMP
        log_rows = S - np.logaddexp.reduce(S, axis=1, keepdims=True)
        log_cols = S - np.logaddexp.reduce(S, axis=0, keepdims=True)
        diag = np.arange(n)
        loss = -0.5 * (log_rows[diag, diag].mean() + log_cols[diag, diag].mean())

        G = 0.5 * (np.exp(log_rows) + np.exp(log_cols)) / n
        G[diag, diag] -= 1.0 / n
        dU = np.empty_like(U)
        dU[:, 0] = G @ U[:, 1] / TEMP
        dU[:, 1] = G.T @ U[:, 0] / TEMP
        dZ = (dU - U * np.einsum("nve,nve->nv", dU, U)[..., None]) / norms
        g = {
            "proj_w": np.einsum("nve,nvh->eh", dZ, Hid),
            "proj_b": dZ.sum(axis=(0, 1)),
        }
        dA = np.einsum("nve,eh->nvh", dZ, p["proj_w"]) * (A > 0)
        g["enc_w"] = np.einsum("nvh,nvd->hd", dA, V)
        g["enc_b"] = dA.sum(axis=(0, 1))
        self.grads = g

        lr = cosine_lr(self.updates)
        self.updates += 1
        bc1 = 1.0 - BETA1 ** self.updates
        bc2 = 1.0 - BETA2 ** self.updates
        step_size = lr * math.sqrt(bc2) / bc1
        eps_hat = EPS * math.sqrt(bc2)
        for k, w in p.items():
            s = self.state[k]
            s["m"] *= BETA1
            s["m"] += (1.0 - BETA1) * g[k]
            s["v"] *= BETA2
            s["v"] += (1.0 - BETA2) * g[k] * g[k]
            if k.endswith("_w"):
                w *= 1.0 - lr * WD
            w -= step_size * s["m"] / (np.sqrt(s["v"]) + eps_hat)
        return float(loss)
