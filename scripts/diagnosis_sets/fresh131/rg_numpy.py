"""A two-block residual MLP classifier with an RMSNorm block and a GroupNorm block,
tanh-GELU, softmax cross-entropy, trained with Adam, from scratch in NumPy.

    h0 = X @ W_in + b_in                                   (N, 12)
    u0 = RMSNorm(h0) * rms_g                               h / sqrt(mean(h^2) + eps), no bias
    h1 = h0 + gelu(u0 @ W1 + b1) @ W2 + b2                 (12 -> 24 -> 12)
    u1 = GroupNorm(h1) * gn_g + gn_b                       3 groups of 4 features, biased variance
    h2 = h1 + gelu(u1 @ W3 + b3) @ W4 + b4
    logits = h2 @ W_out + b_out                            (N, 3)
    loss = mean over rows of -log softmax(logits)[y]

gelu is the tanh approximation. Adam (no weight decay), written by hand.

    X: float (N, 8), y: int64 (N,) in {0, 1, 2}.

Parameters (self.params): W_in, b_in, rms_g, W1, b1, W2, b2, gn_g, gn_b, W3, b3, W4, b4,
W_out, b_out; weights kept (in, out).
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


def rmsnorm(x, g, eps):
    ms = (x ** 2).mean(axis=1, keepdims=True)
    r = 1.0 / np.sqrt(ms + eps)
    xhat = x * r
    return xhat * g, (x, r, xhat)


def rmsnorm_backward(dout, g, cache):
    x, r, xhat = cache
    D = x.shape[1]
    dg = (dout * xhat).sum(axis=0)
    dxhat = dout * g
    dr = (dxhat * x).sum(axis=1, keepdims=True)
    dms = dr * -0.5 * r ** 3
    dx = dxhat * r + dms * 2.0 * x / D
    return dx, dg


def groupnorm(x, g, b, groups, eps):
    N, C = x.shape
    xg = x.reshape(N, groups, C // groups)
    mu = xg.mean(axis=2, keepdims=True)
    var = ((xg - mu) ** 2).mean(axis=2, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (xg - mu) * inv
    return xhat.reshape(N, C) * g + b, (inv, xhat)


def groupnorm_backward(dout, g, cache):
    inv, xhat = cache
    N, G, S = xhat.shape
    dg = (dout * xhat.reshape(N, G * S)).sum(axis=0)
    db = dout.sum(axis=0)
    dxhat = (dout * g).reshape(N, G, S)
    dx = inv * (dxhat - dxhat.mean(axis=2, keepdims=True)
                - xhat * (dxhat * xhat).mean(axis=2, keepdims=True))
    return dx.reshape(N, G * S), dg, db


class RGNet:
    def __init__(self, n_in=8, width=12, ff=24, n_cls=3, groups=3, lr=5e-3,
                 betas=(0.9, 0.999), eps=1e-8, norm_eps=1e-5, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.groups = groups
        self.norm_eps = norm_eps
        p = {
            "W_in": rng.standard_normal((n_in, width)) / math.sqrt(n_in),
            "b_in": 0.1 * rng.standard_normal(width),
            "rms_g": 1.0 + 0.1 * rng.standard_normal(width),
            "W1": rng.standard_normal((width, ff)) / math.sqrt(width),
            "b1": 0.1 * rng.standard_normal(ff),
            "W2": rng.standard_normal((ff, width)) / math.sqrt(ff),
            "b2": 0.1 * rng.standard_normal(width),
            "gn_g": 1.0 + 0.1 * rng.standard_normal(width),
            "gn_b": 0.1 * rng.standard_normal(width),
            "W3": rng.standard_normal((width, ff)) / math.sqrt(width),
            "b3": 0.1 * rng.standard_normal(ff),
            "W4": rng.standard_normal((ff, width)) / math.sqrt(ff),
            "b4": 0.1 * rng.standard_normal(width),
            "W_out": rng.standard_normal((width, n_cls)) / math.sqrt(width),
            "b_out": np.zeros(n_cls),
        }
        self.params = {k: a.astype(dtype) for k, a in p.items()}
        self.grads = {k: np.zeros_like(a) for k, a in self.params.items()}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        h0 = X @ p["W_in"] + p["b_in"]
        u0, rms_cache = rmsnorm(h0, p["rms_g"], self.norm_eps)
        a1 = u0 @ p["W1"] + p["b1"]
        z1, t1 = gelu(a1)
        h1 = h0 + z1 @ p["W2"] + p["b2"]
        u1, gn_cache = groupnorm(h1, p["gn_g"], p["gn_b"], self.groups, self.norm_eps)
        a3 = u1 @ p["W3"] + p["b3"]
        z3, t3 = gelu(a3)
        h2 = h1 + z3 @ p["W4"] + p["b4"]
        logits = h2 @ p["W_out"] + p["b_out"]
        return logits, (rms_cache, u0, a1, t1, z1, gn_cache, u1, a3, t3, z3, h2)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, gr = self.params, self.grads
        logits, (rms_cache, u0, a1, t1, z1, gn_cache, u1, a3, t3, z3, h2) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N = X.shape[0]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        gr["W_out"] = h2.T @ dlogits
        gr["b_out"] = dlogits.sum(axis=0)
        dh2 = dlogits @ p["W_out"].T

        # GroupNorm block
        gr["W4"] = z3.T @ dh2
        gr["b4"] = dh2.sum(axis=0)
        da3 = gelu_backward(dh2 @ p["W4"].T, a3, t3)
        gr["W3"] = u1.T @ da3
        gr["b3"] = da3.sum(axis=0)
        dx, gr["gn_g"], gr["gn_b"] = groupnorm_backward(da3 @ p["W3"].T, p["gn_g"], gn_cache)
        dh1 = dh2 + dx

        # RMSNorm block
        gr["W2"] = z1.T @ dh1
        gr["b2"] = dh1.sum(axis=0)
        da1 = gelu_backward(dh1 @ p["W2"].T, a1, t1)
        gr["W1"] = u0.T @ da1
        gr["b1"] = da1.sum(axis=0)
        dx, gr["rms_g"] = rmsnorm_backward(da1 @ p["W1"].T, p["rms_g"], rms_cache)
        dh0 = dh1 + dx

        gr["W_in"] = X.T @ dh0
        gr["b_in"] = dh0.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
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
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rg.npz"))
    net = RGNet()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
