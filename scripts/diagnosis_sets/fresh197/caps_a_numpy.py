"""Routing-free capsule MLP in NumPy: ReLU hidden layer, 6 primary capsules of dim 4 (squashed),
4 class capsules of dim 5 from per-pair transforms with a fixed uniform coupling 1/6, squash,
capsule lengths, margin loss (m+ 0.9, m- 0.1, lambda 0.5), Adam written by hand."""
import numpy as np

M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7


def squash(s):
    n2 = np.sum(s * s, axis=-1, keepdims=True)
    r = np.sqrt(n2 + EPS)
    f = n2 / (1.0 + n2) / r
    return f * s, (n2, r, f)


def squash_backward(s, cache, dv):
    n2, r, f = cache
    # d f / d n2 for f = n2 / ((1 + n2) sqrt(n2 + eps))
    dfdn2 = 1.0 / (1.0 + n2) ** 2 / r - 0.5 * n2 / (1.0 + n2) / r ** 3
    proj = np.sum(dv * s, axis=-1, keepdims=True)
    return f * dv + 2.0 * dfdn2 * proj * s


class CapsMLP:
    def __init__(self, n_in=10, n_hidden=24, n_prim=6, d_prim=4, n_cls=4, d_cls=5, lr=0.01):
        rng = np.random.default_rng(0)
        self.n_prim, self.d_prim, self.n_cls, self.d_cls = n_prim, d_prim, n_cls, d_cls
        self.params = {
            "W1": rng.normal(0, 1.0 / np.sqrt(n_in), size=(n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 1.0 / np.sqrt(n_hidden), size=(n_hidden, n_prim * d_prim)),
            "b2": rng.normal(0, 0.1, size=n_prim * d_prim),
            "Wc": rng.normal(0, 0.5, size=(n_prim, n_cls, d_prim, d_cls)),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.coupling = 1.0 / n_prim

    def forward(self, X):
        p = self.params
        N = X.shape[0]
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        u = (h @ p["W2"] + p["b2"]).reshape(N, self.n_prim, self.d_prim)
        pc, c1 = squash(u)
        u_hat = np.einsum("nid,ijde->nije", pc, p["Wc"])
        s = self.coupling * u_hat.sum(axis=1)
        v, c2 = squash(s)
        L = np.sqrt(np.sum(v * v, axis=-1) + EPS)
        self.cache = (X, z1, h, u, pc, c1, s, v, c2, L)
        return L

    def loss(self, X, y):
        L = self.forward(X)
        T = np.eye(self.n_cls, dtype=X.dtype)[y]
        present = T * np.maximum(0.0, M_PLUS - L) ** 2
        absent = LAM * (1.0 - T) * np.maximum(0.0, L - M_MINUS) ** 2
        return np.sum(present + absent) / X.shape[0]

    def train_step(self, X, y):
        loss = self.loss(X, y)
        X, z1, h, u, pc, c1, s, v, c2, L = self.cache
        p = self.params
        N = X.shape[0]
        T = np.eye(self.n_cls, dtype=X.dtype)[y]
        dL = (-2.0 * T * np.maximum(0.0, M_PLUS - L)
              + 2.0 * LAM * (1.0 - T) * np.maximum(0.0, L - M_MINUS)) / N
        dv = dL[:, :, None] * v / L[:, :, None]
        ds = squash_backward(s, c2, dv)
        du_hat = np.broadcast_to(self.coupling * ds[:, None, :, :], (N, self.n_prim, self.n_cls, self.d_cls))
        g = {}
        g["Wc"] = np.einsum("nid,nije->ijde", pc, du_hat)
        dpc = np.einsum("nije,ijde->nid", du_hat, p["Wc"])
        du = squash_backward(u, c1, dpc).reshape(N, -1)
        g["W2"] = h.T @ du
        g["b2"] = du.sum(axis=0)
        dh = du @ p["W2"].T
        dz1 = dh * (z1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g
        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            mhat = self.m[k] / (1 - self.beta1 ** self.t)
            vhat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] = p[k] - self.lr * mhat / (np.sqrt(vhat) + self.eps)
        return loss
