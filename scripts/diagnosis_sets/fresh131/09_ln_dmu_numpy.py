"""A pre-LayerNorm residual MLP with tanh-GELU, from scratch in NumPy, trained with AdamW.

    h = X @ W_in + b_in                                    (N, 16)
    for each of the 2 blocks:
        u = LayerNorm(h) * g + b                           eps inside the square root, biased variance
        h = h + gelu(u @ W1 + b1) @ W2 + b2                (16 -> 32 -> 16)
    out = LayerNorm_f(h) * gf + bf  @ W_out + b_out        (N, 2)
    loss = mean((out - y) ** 2)                            over every element

gelu is the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
AdamW (decoupled weight decay on every parameter, as torch.optim.AdamW on
model.parameters()), written by hand.

    X: float (N, 6), y: float (N, 2).

Parameters (self.params): W_in, b_in, ln{l}_g, ln{l}_b, W1_{l}, b1_{l}, W2_{l}, b2_{l}
(l = 0, 1), lnf_g, lnf_b, W_out, b_out; weights kept (in, out).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import math
import os

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)


def gelu(x):
    t = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1.0 + t), t


def gelu_backward(dy, x, t):
    dinner = GELU_C * (1.0 + 3.0 * 0.044715 * x ** 2)
    return dy * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t ** 2) * dinner)


def layernorm(x, g, b, eps):
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    var = (xc ** 2).mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv
    return xhat * g + b, (xc, inv, xhat)


def layernorm_backward(dout, g, cache):
    xc, inv, xhat = cache
    D = xc.shape[1]
    dg = (dout * xhat).sum(axis=0)
    db = dout.sum(axis=0)
    dxhat = dout * g
    dvar = (dxhat * xc).sum(axis=1, keepdims=True) * -0.5 * inv ** 3
    dmu = -(dxhat * inv).sum(axis=1, keepdims=True) + dvar * (-2.0 * xc).mean(axis=1, keepdims=True)
    dx = dxhat * inv + dvar * 2.0 * xc / D  # fix: dx = dxhat * inv + dvar * 2.0 * xc / D + dmu / D
    return dx, dg, db


class LNResMLP:
    def __init__(self, n_in=6, width=16, ff=32, n_out=2, n_blocks=2, lr=1e-2,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, ln_eps=1e-5,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.n_blocks = n_blocks
        self.ln_eps = ln_eps
        p = {"W_in": rng.standard_normal((n_in, width)) / math.sqrt(n_in),
             "b_in": 0.1 * rng.standard_normal(width)}
        for l in range(n_blocks):
            p[f"ln{l}_g"] = 1.0 + 0.1 * rng.standard_normal(width)
            p[f"ln{l}_b"] = 0.1 * rng.standard_normal(width)
            p[f"W1_{l}"] = rng.standard_normal((width, ff)) / math.sqrt(width)
            p[f"b1_{l}"] = 0.1 * rng.standard_normal(ff)
            p[f"W2_{l}"] = rng.standard_normal((ff, width)) / math.sqrt(ff)
            p[f"b2_{l}"] = 0.1 * rng.standard_normal(width)
        p["lnf_g"] = 1.0 + 0.1 * rng.standard_normal(width)
        p["lnf_b"] = 0.1 * rng.standard_normal(width)
        p["W_out"] = rng.standard_normal((width, n_out)) / math.sqrt(width)
        p["b_out"] = np.zeros(n_out)
        self.params = {k: a.astype(dtype) for k, a in p.items()}
        self.grads = {k: np.zeros_like(a) for k, a in self.params.items()}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        caches = []
        for l in range(self.n_blocks):
            u, ln_cache = layernorm(h, p[f"ln{l}_g"], p[f"ln{l}_b"], self.ln_eps)
            a = u @ p[f"W1_{l}"] + p[f"b1_{l}"]
            z, t = gelu(a)
            caches.append((u, ln_cache, a, t, z))
            h = h + z @ p[f"W2_{l}"] + p[f"b2_{l}"]
        uf, lnf_cache = layernorm(h, p["lnf_g"], p["lnf_b"], self.ln_eps)
        out = uf @ p["W_out"] + p["b_out"]
        return out, (caches, uf, lnf_cache)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return ((self.forward(X) - y) ** 2).mean()

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, gr = self.params, self.grads
        out, (caches, uf, lnf_cache) = self._forward(X)
        diff = out - y
        loss = (diff ** 2).mean()

        dout = 2.0 * diff / diff.size
        gr["W_out"] = uf.T @ dout
        gr["b_out"] = dout.sum(axis=0)
        duf = dout @ p["W_out"].T
        dh, gr["lnf_g"], gr["lnf_b"] = layernorm_backward(duf, p["lnf_g"], lnf_cache)
        for l in reversed(range(self.n_blocks)):
            u, ln_cache, a, t, z = caches[l]
            gr[f"W2_{l}"] = z.T @ dh
            gr[f"b2_{l}"] = dh.sum(axis=0)
            dz = dh @ p[f"W2_{l}"].T
            da = gelu_backward(dz, a, t)
            gr[f"W1_{l}"] = u.T @ da
            gr[f"b1_{l}"] = da.sum(axis=0)
            du = da @ p[f"W1_{l}"].T
            dx, gr[f"ln{l}_g"], gr[f"ln{l}_b"] = layernorm_backward(du, p[f"ln{l}_g"], ln_cache)
            dh = dh + dx                                  # the residual path
        gr["W_in"] = X.T @ dh
        gr["b_in"] = dh.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            w *= 1.0 - self.lr * self.weight_decay        # decoupled weight decay
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ln.npz"))
    net = LNResMLP()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
