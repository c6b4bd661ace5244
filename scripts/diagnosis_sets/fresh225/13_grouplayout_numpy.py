"""A grouped, strided 1-D convolutional regressor, from scratch in NumPy.

    X (N, 6, 20) -> grouped conv 6 -> 12, 3 groups (2 in / 4 out each), kernel 3, stride 2,
                    padding 1, no bias                      -> (N, 12, 10)
                 -> GroupNorm, 4 groups of 3 channels, eps 1e-5, affine gamma / beta
                 -> GELU (tanh approximation)
                 -> pointwise 1x1 conv 12 -> 8 (bias) -> ReLU
                 -> global average pooling over time -> dense 8 -> 1
                 -> mean squared error against y (N,).
    SGD, lr 0.05, momentum 0.9, weight decay 5e-3 added to the gradient (torch.optim.SGD).

Parameters (self.params):
    Wg (12, 2, 3)   grouped kernel, torch layout (out, in per group, k)
    gamma, beta (12,)
    Wp (8, 12)      pointwise kernel (torch: pw.weight (8, 12, 1))
    bp (8,)
    w (8, 1)        head weight (torch: head.weight.T)
    c (1,)          head bias
"""

import math

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(GELU_C * (x + 0.044715 * x ** 3)))


def gelu_grad(x):
    th = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th * th) * GELU_C * (1.0 + 3 * 0.044715 * x * x)


class GroupedConvNet:
    def __init__(self, cin=6, cmid=12, conv_groups=3, norm_groups=4, width=8, kernel=3,
                 stride=2, padding=1, seed=1):
        rng = np.random.default_rng(seed)
        self.G, self.NG = conv_groups, norm_groups
        self.k, self.stride, self.padding = kernel, stride, padding
        cin_g = cin // conv_groups
        self.params = {
            "Wg": rng.standard_normal((cmid, cin_g, kernel)) * np.sqrt(2.0 / (cin_g * kernel)),
            "gamma": np.ones(cmid),
            "beta": np.zeros(cmid),
            "Wp": rng.standard_normal((width, cmid)) * np.sqrt(2.0 / cmid),
            "bp": rng.standard_normal(width) * 0.1,
            "w": rng.standard_normal((width, 1)) / np.sqrt(width),
            "c": np.zeros(1),
        }
        self.grads = {}
        self.lr, self.momentum, self.weight_decay = 0.05, 0.9, 5e-3
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}

    def _patches(self, X):
        """(N, C, T) -> (N, C, k, L): the strided windows of the padded input."""
        T = X.shape[2]
        L = (T + 2 * self.padding - self.k) // self.stride + 1
        xp = np.pad(X, ((0, 0), (0, 0), (self.padding, self.padding)))
        span = self.stride * (L - 1) + 1
        return np.stack([xp[:, :, j:j + span:self.stride] for j in range(self.k)], axis=2)

    def forward(self, X):
        p = self.params
        N = X.shape[0]
        P = self._patches(X)                                   # (N, 6, 3, L)
        L = P.shape[3]
        cout, cin_g, k = p["Wg"].shape
        Pg = P.reshape(N, self.G, cin_g, k, L)
        Wg = p["Wg"].reshape(self.G, cout // self.G, cin_g, k)
        z = np.einsum("goik,ngikl->ngol", Wg, Pg).reshape(N, cout, L)

        zg = z.reshape(N, cout // self.NG, self.NG, L).transpose(0, 2, 1, 3).reshape(N, self.NG, -1)
        mu = zg.mean(axis=2, keepdims=True)
        var = ((zg - mu) ** 2).mean(axis=2, keepdims=True)
        inv_std = 1.0 / np.sqrt(var + 1e-5)
        xhat = (((zg - mu) * inv_std).reshape(N, self.NG, cout // self.NG, L)
                .transpose(0, 2, 1, 3).reshape(N, cout, L))
        u = p["gamma"][:, None] * xhat + p["beta"][:, None]
        a = gelu(u)

        q = np.einsum("oc,ncl->nol", p["Wp"], a) + p["bp"][:, None]
        r = np.maximum(q, 0)
        f = r.mean(axis=2)
        pred = (f @ p["w"] + p["c"])[:, 0]
        self.cache = (Pg, xhat, inv_std, u, a, q, f)
        return pred

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p, g = self.params, self.grads
        pred = self.forward(X)
        Pg, xhat, inv_std, u, a, q, f = self.cache
        N, cout, L = xhat.shape
        diff = pred - y
        loss = np.mean(diff ** 2)

        dpred = 2.0 * diff / N                                  # (N,)
        g["w"] = f.T @ dpred[:, None]
        g["c"] = dpred.sum(keepdims=True)
        df = dpred[:, None] * p["w"][:, 0][None, :]             # (N, 8)

        dq = (df[:, :, None] / L) * (q > 0)
        g["Wp"] = np.einsum("nol,ncl->oc", dq, a)
        g["bp"] = dq.sum(axis=(0, 2))
        da = np.einsum("oc,nol->ncl", p["Wp"], dq)

        du = da * gelu_grad(u)
        g["gamma"] = (du * xhat).sum(axis=(0, 2))
        g["beta"] = du.sum(axis=(0, 2))
        to_groups = lambda t: t.reshape(N, cout // self.NG, self.NG, L).transpose(0, 2, 1, 3).reshape(N, self.NG, -1)
        dxhat = to_groups(du * p["gamma"][:, None])
        xg = to_groups(xhat)
        M = xg.shape[2]
        dz = (inv_std / M) * (M * dxhat - dxhat.sum(axis=2, keepdims=True)
                              - xg * (dxhat * xg).sum(axis=2, keepdims=True))
        dz = dz.reshape(N, self.NG, cout // self.NG, L).transpose(0, 2, 1, 3)
        dz = dz.reshape(N, self.G, cout // self.G, L)
        g["Wg"] = np.einsum("ngol,ngikl->goik", dz, Pg).reshape(p["Wg"].shape)
        return loss

    def sgd(self):
        for name, param in self.params.items():
            d = self.grads[name] + self.weight_decay * param
            self.velocity[name] = self.momentum * self.velocity[name] + d
            param -= self.lr * self.velocity[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd()
        return float(loss)
