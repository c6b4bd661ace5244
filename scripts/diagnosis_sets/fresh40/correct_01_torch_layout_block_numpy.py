"""A pre-LN transformer encoder block in NumPy that keeps every weight in torch's (out, in)
layout and computes x @ W.T, so that its parameters load straight into nn.TransformerEncoderLayer:
the packed in-projection W_in (24, 8) is read as (3, heads, 4, 8) and applied with one einsum per
direction (no reshape/transpose of the activations into heads), the layer norms are written with
np.einsum row sums, the classifier reads the first token. Nesterov momentum in torch's form
(v = mu v + g; theta -= lr (g + mu v)).

    X: (n, 4, 4), y: one-hot (n, 3)
"""

import numpy as np

T, F_IN, D, H, FF, C = 4, 4, 8, 2, 16, 3
DH = D // H


def layer_norm(x, gain, shift, eps=1e-5):
    mu = np.einsum("ntd->nt", x)[..., None] / D
    xc = x - mu
    rstd = 1.0 / np.sqrt(np.einsum("ntd,ntd->nt", xc, xc)[..., None] / D + eps)
    xhat = xc * rstd
    return xhat * gain + shift, (xhat, rstd)


def layer_norm_backward(dy, gain, cache):
    xhat, rstd = cache
    dxhat = dy * gain
    dx = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, np.einsum("ntd,ntd->d", dy, xhat), np.einsum("ntd->d", dy)


class TorchLayoutBlock:
    def __init__(self, lr=0.05, mu=0.9, seed=21):
        rng = np.random.default_rng(seed)
        u = lambda fan_in, *shape: rng.uniform(-1.0, 1.0, shape) / np.sqrt(fan_in)
        self.params = {
            "embed_w": u(F_IN, D, F_IN), "embed_b": u(F_IN, D), "pos": rng.normal(0.0, 0.3, (T, D)),
            "ln1_g": np.ones(D), "ln1_b": np.zeros(D),
            "in_w": u(D, 3 * D, D), "in_b": np.zeros(3 * D),
            "out_w": u(D, D, D), "out_b": np.zeros(D),
            "ln2_g": np.ones(D), "ln2_b": np.zeros(D),
            "fc1_w": u(D, FF, D), "fc1_b": u(D, FF),
            "fc2_w": u(FF, D, FF), "fc2_b": u(FF, D),
            "head_w": u(D, C, D), "head_b": u(D, C),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def loss_and_grads(self, X, y):
        p = self.params
        n = len(X)
        Wqkv = p["in_w"].reshape(3, H, DH, D)
        bqkv = p["in_b"].reshape(3, H, 1, DH)
        x0 = np.einsum("ntf,df->ntd", X, p["embed_w"]) + p["embed_b"] + p["pos"]
        a, c1 = layer_norm(x0, p["ln1_g"], p["ln1_b"])
        qkv = np.einsum("ntd,khed->knhte", a, Wqkv) + bqkv[:, None]            # (3, n, H, T, DH)
        q, k, v = qkv
        A = np.einsum("nhte,nhse->nhts", q, k) / DH ** 0.5
        A = np.exp(A - A.max(axis=-1, keepdims=True))
        A /= A.sum(axis=-1, keepdims=True)
        ctx = np.einsum("nhts,nhse->nthe", A, v).reshape(n, T, D)
        x1 = x0 + ctx @ p["out_w"].T + p["out_b"]
        b, c2 = layer_norm(x1, p["ln2_g"], p["ln2_b"])
        z = b @ p["fc1_w"].T + p["fc1_b"]
        r = np.maximum(z, 0.0)
        x2 = x1 + r @ p["fc2_w"].T + p["fc2_b"]
        logits = x2[:, 0] @ p["head_w"].T + p["head_b"]
        logz = logits.max(axis=1, keepdims=True)
        logz = logz + np.log(np.exp(logits - logz).sum(axis=1, keepdims=True))
        loss = float(np.mean(logz[:, 0] - np.sum(y * logits, axis=1)))

        g = {}
        dlogits = (np.exp(logits - logz) - y) / n
        g["head_w"], g["head_b"] = dlogits.T @ x2[:, 0], dlogits.sum(axis=0)
        dx2 = np.zeros_like(x2)
        dx2[:, 0] = dlogits @ p["head_w"]
        g["fc2_w"], g["fc2_b"] = np.einsum("ntd,ntf->df", dx2, r), np.einsum("ntd->d", dx2)
        dz = (dx2 @ p["fc2_w"]) * (z > 0)
        g["fc1_w"], g["fc1_b"] = np.einsum("ntf,ntd->fd", dz, b), np.einsum("ntf->f", dz)
        db, g["ln2_g"], g["ln2_b"] = layer_norm_backward(dz @ p["fc1_w"], p["ln2_g"], c2)
        dx1 = dx2 + db
        g["out_w"], g["out_b"] = np.einsum("nte,ntd->ed", dx1, ctx), np.einsum("ntd->d", dx1)
        dctx = (dx1 @ p["out_w"]).reshape(n, T, H, DH)
        dA = np.einsum("nthe,nhse->nhts", dctx, v)
        dv = np.einsum("nhts,nthe->nhse", A, dctx)
        dS = A * (dA - np.einsum("nhts,nhts->nht", dA, A)[..., None]) / DH ** 0.5
        dq = np.einsum("nhts,nhse->nhte", dS, k)
        dk = np.einsum("nhts,nhte->nhse", dS, q)
        dqkv = np.stack([dq, dk, dv])                                              # (3, n, H, T, DH)
        g["in_w"] = np.einsum("knhte,ntd->khed", dqkv, a).reshape(3 * D, D)
        g["in_b"] = np.einsum("knhte->khe", dqkv).reshape(3 * D)
        da = np.einsum("knhte,khed->ntd", dqkv, Wqkv)
        dln1, g["ln1_g"], g["ln1_b"] = layer_norm_backward(da, p["ln1_g"], c1)
        dx0 = dx1 + dln1
        g["embed_w"], g["embed_b"] = np.einsum("ntd,ntf->df", dx0, X), np.einsum("ntd->d", dx0)
        g["pos"] = np.einsum("ntd->td", dx0)
        return loss, g

    def train_step(self, X, y):
        loss, self.grads = self.loss_and_grads(X, y)
        for k, param in self.params.items():
            v = self.velocity[k]
            v *= self.mu
            v += self.grads[k]
            param -= self.lr * (self.grads[k] + self.mu * v)
        return loss
