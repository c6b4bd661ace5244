"""A tiny 1-D U-Net for segmentation, from scratch in NumPy.

    X (N, 2, 16) -> enc: conv k3 pad1 2->6, ReLU                      e1 (N, 6, 16)
                 -> down: conv k2 stride2 6->8, ReLU                  d  (N, 8, 8)
                 -> mid: conv k3 pad1 8->8, ReLU                      m  (N, 8, 8)
                 -> nearest upsample x2                               u  (N, 8, 16)
                 -> concat [u, e1] on channels                           (N, 14, 16)
                 -> dec: conv k3 pad1 14->6, ReLU                     h  (N, 6, 16)
                 -> head: conv k1 6->1                                z  (N, 1, 16) logits
loss = mean over samples of (1 - soft Dice) (smooth 1) + mean BCE with logits.
Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 (as torch.optim.Adam).
Weights kept in the torch layout (cout, cin, k).
"""

import numpy as np


def conv1d(x, W, b, pad):
    """Stride-1 convolution (cross-correlation). x (N, C, L), W (O, C, K)."""
    K = W.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    Lout = xp.shape[2] - K + 1
    cols = np.stack([xp[:, :, k:k + Lout] for k in range(K)], axis=2)   # (N, C, K, Lout)
    out = np.einsum("ock,nckl->nol", W, cols) + b[None, :, None]
    return out, cols


def conv1d_backward(dout, cols, W, pad, need_dx=True):
    dW = np.einsum("nol,nckl->ock", dout, cols)
    db = dout.sum(axis=(0, 2))
    if not need_dx:
        return None, dW, db
    K = W.shape[2]
    N, C, _, Lout = cols.shape
    dcols = np.einsum("ock,nol->nckl", W, dout)
    dxp = np.zeros((N, C, Lout + K - 1), dtype=dout.dtype)
    for k in range(K):
        dxp[:, :, k:k + Lout] += dcols[:, :, k, :]
    return dxp[:, :, pad:pad + Lout + K - 1 - 2 * pad], dW, db


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class UNet1D:
    def __init__(self, seed=0, lr=0.01, betas=(0.9, 0.999), eps=1e-8, smooth=1.0):
        rng = np.random.default_rng(seed)

        def conv_w(cout, cin, k):
            bound = 1.0 / np.sqrt(cin * k)
            return rng.uniform(-bound, bound, (cout, cin, k)), rng.uniform(-bound, bound, cout)

        self.params = {}
        for name, shape in [("enc", (6, 2, 3)), ("down", (8, 6, 2)), ("mid", (8, 8, 3)),
                            ("dec", (6, 14, 3)), ("head", (1, 6, 1))]:
            W, b = conv_w(*shape)
            self.params["W_" + name] = W
            self.params["b_" + name] = b
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.smooth = smooth

    def forward(self, X):
        p = self.params
        N, _, L = X.shape
        c = {}
        z1, c["cols1"] = conv1d(X, p["W_enc"], p["b_enc"], 1)
        e1 = np.maximum(z1, 0)
        xr = e1.reshape(N, 6, L // 2, 2)                          # xr[n, c, j, k] = e1[n, c, 2j + k]
        z2 = np.einsum("ock,ncjk->noj", p["W_down"], xr) + p["b_down"][None, :, None]
        d = np.maximum(z2, 0)
        z3, c["cols3"] = conv1d(d, p["W_mid"], p["b_mid"], 1)
        m = np.maximum(z3, 0)
        u = np.repeat(m, 2, axis=2)
        cat = np.concatenate([u, e1], axis=1)
        z4, c["cols4"] = conv1d(cat, p["W_dec"], p["b_dec"], 1)
        h = np.maximum(z4, 0)
        z, c["cols5"] = conv1d(h, p["W_head"], p["b_head"], 0)
        c.update(z1=z1, xr=xr, z2=z2, z3=z3, z4=z4)
        return z, c

    def _loss(self, z, y):
        N = z.shape[0]
        prob = sigmoid(z)
        inter = (prob * y).sum(axis=(1, 2))
        denom = prob.sum(axis=(1, 2)) + y.sum(axis=(1, 2))
        dice = (2.0 * inter + self.smooth) / (denom + self.smooth)
        bce = (np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))).mean()
        loss = (1.0 - dice).mean() + bce
        # dL/dz
        ddice_dp = (2.0 * y * (denom + self.smooth)[:, None, None]
                    - (2.0 * inter + self.smooth)[:, None, None]) / ((denom + self.smooth) ** 2)[:, None, None]
        dprob = -ddice_dp / N
        dz = dprob * prob * (1.0 - prob) + (prob - y) / z.size
        return loss, dz

    def loss(self, X, y):
        return self._loss(self.forward(X)[0], y)[0]

    def backward(self, X, y):
        p, g = self.params, self.grads
        N, _, L = X.shape
        z, c = self.forward(X)
        loss, dz = self._loss(z, y)
        dh, g["W_head"], g["b_head"] = conv1d_backward(dz, c["cols5"], p["W_head"], 0)
        dz4 = dh * (c["z4"] > 0)
        dcat, g["W_dec"], g["b_dec"] = conv1d_backward(dz4, c["cols4"], p["W_dec"], 1)
        du, de1_skip = dcat[:, :8], dcat[:, 8:]
        dm = du.reshape(N, 8, L // 2, 2).sum(axis=3)
        dz3 = dm * (c["z3"] > 0)
        dd, g["W_mid"], g["b_mid"] = conv1d_backward(dz3, c["cols3"], p["W_mid"], 1)
        dz2 = dd * (c["z2"] > 0)
        g["W_down"] = np.einsum("noj,ncjk->ock", dz2, c["xr"])
        g["b_down"] = dz2.sum(axis=(0, 2))
        de1 = np.einsum("ock,noj->ncjk", p["W_down"], dz2).reshape(N, 6, L) + de1_skip
        dz1 = de1 * (c["z1"] > 0)
        _, g["W_enc"], g["b_enc"] = conv1d_backward(dz1, c["cols1"], p["W_enc"], 1, need_dx=False)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            gk = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * gk
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * gk * gk
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
