"""A 1-D encoder-decoder with max-pool downsampling and a transposed-convolution
upsampling, soft Dice loss over the whole batch, SGD with momentum; NumPy only.

    X (N, 1, 32) -> conv k3 pad1 1->4, ReLU                   e (N, 4, 32)
                 -> max-pool 2                                 q (N, 4, 16)
                 -> conv k3 pad1 4->8, ReLU                    m (N, 8, 16)
                 -> transposed conv k2 stride2 8->4, ReLU      u (N, 4, 32)
                 -> concat [e, u]                                (N, 8, 32)
                 -> 1x1 conv 8->1                              z (N, 1, 32)
loss = 1 - (2 sum(p y) + 1) / (sum p + sum y + 1), p = sigmoid(z), sums over the whole batch.
SGD lr 0.5, momentum 0.9: v = mu v + g; w -= lr v.

Layouts: conv kernels (k, cin, cout); transposed-conv kernel (k, cin, cout);
the 1x1 head a vector (cin,) with a scalar-shaped bias (1,).
"""

import numpy as np


def conv_same(x, W, b):
    """x (N, C, L), W (K, C, O), zero padding K // 2 -> (N, O, L)."""
    K = W.shape[0]
    pad = K // 2
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    L = x.shape[2]
    out = b[None, :, None] + sum(np.einsum("ncl,co->nol", xp[:, :, k:k + L], W[k]) for k in range(K))
    return out, xp


def conv_same_backward(dout, xp, W):
    K = W.shape[0]
    L = dout.shape[2]
    pad = K // 2
    dW = np.stack([np.einsum("ncl,nol->co", xp[:, :, k:k + L], dout) for k in range(K)])
    db = dout.sum(axis=(0, 2))
    dxp = np.zeros_like(xp)
    for k in range(K):
        dxp[:, :, k:k + L] += np.einsum("co,nol->ncl", W[k], dout)
    return dxp[:, :, pad:pad + L], dW, db


class PoolSegNet:
    names = ("W_enc", "b_enc", "W_mid", "b_mid", "W_up", "b_up", "w_head", "b_head")

    def __init__(self, seed=0, lr=0.5, momentum=0.9):
        rng = np.random.default_rng(seed)
        u = lambda fan, shape: rng.uniform(-1, 1, shape) / np.sqrt(fan)
        self.W_enc, self.b_enc = u(3, (3, 1, 4)), u(3, 4)
        self.W_mid, self.b_mid = u(12, (3, 4, 8)), u(12, 8)
        self.W_up, self.b_up = u(8, (2, 8, 4)), u(8, 4)
        self.w_head, self.b_head = u(8, 8), u(8, 1)
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}

    def forward(self, X):
        N, _, L = X.shape
        ze, xp_e = conv_same(X, self.W_enc, self.b_enc)
        e = np.maximum(ze, 0)
        win = e.reshape(N, 4, L // 2, 2)
        q = win.max(axis=3)
        zm, xp_m = conv_same(q, self.W_mid, self.b_mid)
        m = np.maximum(zm, 0)
        # transposed conv, stride 2, kernel 2: out[n, o, 2j + k] = sum_c m[n, c, j] W[k, c, o]
        zu = np.einsum("ncj,kco->nojk", m, self.W_up).reshape(N, 4, L) + self.b_up[None, :, None]
        u = np.maximum(zu, 0)
        cat = np.concatenate([e, u], axis=1)
        z = np.einsum("ncl,c->nl", cat, self.w_head)[:, None, :] + self.b_head
        return z, (xp_e, ze, win, q, xp_m, zm, m, zu, cat)

    @staticmethod
    def _dice(z, y):
        p = 1.0 / (1.0 + np.exp(-z))
        inter = (p * y).sum()
        denom = p.sum() + y.sum() + 1.0
        loss = 1.0 - (2.0 * inter + 1.0) / denom
        dp = -2.0 * y / denom
        return loss, dp * p * (1.0 - p)

    def loss(self, X, y):
        return self._dice(self.forward(X)[0], y)[0]

    def backward(self, X, y):
        N, _, L = X.shape
        z, (xp_e, ze, win, q, xp_m, zm, m, zu, cat) = self.forward(X)
        loss, dz = self._dice(z, y)
        g = self.grads
        dz2 = dz[:, 0, :]
        g["w_head"] = np.einsum("ncl,nl->c", cat, dz2)
        g["b_head"] = dz2.sum(keepdims=True).reshape(1)
        dcat = self.w_head[None, :, None] * dz2[:, None, :]
        de_skip, du = dcat[:, :4], dcat[:, 4:]
        dzu = (du * (zu > 0)).reshape(N, 4, L // 2, 2)
        g["W_up"] = np.einsum("ncj,nojk->kco", m, dzu)
        g["b_up"] = dzu.sum(axis=(0, 2, 3))
        dm = np.einsum("kco,nojk->ncj", self.W_up, dzu)
        dzm = dm * (zm > 0)
        dq, g["W_mid"], g["b_mid"] = conv_same_backward(dzm, xp_m, self.W_mid)
        # max-pool: the gradient goes to the larger of each pair (the first one on a tie)
        first = win[..., 0] >= win[..., 1]
        dwin = np.stack([dq * first, dq * ~first], axis=3)
        de = dwin.reshape(N, 4, L) + de_skip
        dze = de * (ze > 0)
        _, g["W_enc"], g["b_enc"] = conv_same_backward(dze, xp_e, self.W_enc)
        return loss

    def step(self):
        for k in self.names:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
