"""FastKAN regressor from scratch in NumPy: two Kolmogorov-Arnold layers with Gaussian RBF edges.

Each layer maps a (N, d_in) input `a` to (N, d_out):

    xn    = layer_norm(a)                       (no affine, eps 1e-5, over the features)
    phi   = exp(-((xn[..., None] - grid) / h)^2)  (N, d_in, G), grid = linspace(-2, 2, G),
                                                  h = (grid_max - grid_min) / (G - 1)
    out   = phi.reshape(N, d_in * G) @ S  +  silu(a) @ W  +  b

S is kept (d_in * G, d_out), row i * G + k for input i and basis k; W is (d_in, d_out).
The two layers are chained directly (4 -> 8 -> 2). Loss: mean squared error over all elements.
Adam (lr 1e-2, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam).
"""

import numpy as np


def silu(a):
    s = 1.0 / (1.0 + np.exp(-a))
    return a * s, s


class FastKANRegressor:
    def __init__(self, widths=(4, 8, 2), num_grids=6, grid_min=-2.0, grid_max=2.0, lr=1e-2,
                 betas=(0.9, 0.999), eps=1e-8, ln_eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.G = num_grids
        self.grid = np.linspace(grid_min, grid_max, num_grids)
        self.h = float(grid_max - grid_min) / (num_grids - 1)
        self.ln_eps = ln_eps
        self.n_layers = len(widths) - 1
        self.params = {}
        for l, (d_in, d_out) in enumerate(zip(widths[:-1], widths[1:]), start=1):
            bound = 1.0 / np.sqrt(d_in)
            self.params[f"S{l}"] = rng.standard_normal((d_in * num_grids, d_out)) * 0.1
            self.params[f"W{l}"] = rng.uniform(-bound, bound, (d_in, d_out))
            self.params[f"b{l}"] = rng.uniform(-bound, bound, d_out)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ---------------------------------------------------------------- one layer
    def _layer_forward(self, a, l):
        S, W, b = self.params[f"S{l}"], self.params[f"W{l}"], self.params[f"b{l}"]
        N = a.shape[0]
        mu = a.mean(axis=1, keepdims=True)
        xc = a - mu
        var = (xc * xc).mean(axis=1, keepdims=True)
        rstd = 1.0 / np.sqrt(var + self.ln_eps)
        xn = xc * rstd
        z = (xn[:, :, None] - self.grid) / self.h
        phi = np.exp(-z * z)
        sa, sig = silu(a)
        out = phi.reshape(N, -1) @ S + sa @ W + b
        return out, (a, xn, rstd, z, phi, sa, sig)

    def _layer_backward(self, dout, l, cache):
        a, xn, rstd, z, phi, sa, sig = cache
        S, W = self.params[f"S{l}"], self.params[f"W{l}"]
        N, d = a.shape
        self.grads[f"S{l}"] = phi.reshape(N, -1).T @ dout
        self.grads[f"W{l}"] = sa.T @ dout
        self.grads[f"b{l}"] = dout.sum(axis=0)
        dphi = (dout @ S.T).reshape(N, d, self.G)
        dz = dphi * phi * (-2.0 * z)
        dxn = dz.sum(axis=2) / self.h
        da_ln = rstd * (dxn - dxn.mean(axis=1, keepdims=True)
                        - xn * (dxn * xn).mean(axis=1, keepdims=True))
        da_base = (dout @ W.T) * sig
        return da_ln + da_base

    # ------------------------------------------------------------------ network
    def forward(self, X):
        a = X
        caches = []
        for l in range(1, self.n_layers + 1):
            a, cache = self._layer_forward(a, l)
            caches.append(cache)
        return a, caches

    def predict(self, X):
        return self.forward(X)[0]

    def loss(self, X, y):
        out = self.predict(X)
        return ((out - y) ** 2).mean()

    def backward(self, X, y):
        out, caches = self.forward(X)
        diff = out - y
        loss = (diff ** 2).mean()
        grad = 2.0 * diff / diff.size
        for l in range(self.n_layers, 0, -1):
            grad = self._layer_backward(grad, l, caches[l - 1])
        return loss

    def adam_update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_update()
        return float(loss)
