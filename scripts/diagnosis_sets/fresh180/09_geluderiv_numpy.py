"""A highway MLP classifier written from scratch in NumPy.

    x (N, 6) -> dense 6->16 -> 2 highway blocks -> LayerNorm -> dense 16->3 -> softmax cross-entropy
    (mean over the batch)

Each highway block is pre-LayerNorm:

    u = LayerNorm(h)                       (gamma, beta, eps 1e-5, biased variance)
    H = gelu_tanh(u @ W_h + b_h) * mask / (1 - p)     (fixed dropout keep-mask of this step)
    T = sigmoid(u @ W_t + b_t)             (transform gate, its bias starts at -1)
    h = T * H + (1 - T) * h                (carry gate 1 - T)

The dropout masks are fixed: highway_masks.npz holds 3 keep-masks per block, used in turn
(the t-th update uses masks[t % 3]).

Optimizer: AdamW written out (betas 0.9, 0.999, eps 1e-8, bias-corrected), decoupled weight
decay 0.05 on the weight matrices only (not on biases nor LayerNorm gains/shifts), learning rate
3e-3 with a linear warm-up over 4 updates then a cosine decay to 0 at update 40:

    lr(t) = 3e-3 * (t + 1) / 4                                 for t < 4
    lr(t) = 3e-3 * 0.5 * (1 + cos(pi * (t - 4) / (40 - 4)))   otherwise       (t = 0, 1, ...)

Parameters: self.params (flat dict), gradients self.grads, moments self.m, self.v, count self.t.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GELU_C = math.sqrt(2.0 / math.pi)


def gelu_tanh(x):
    t = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1.0 + t), t


def gelu_tanh_grad(x, t):
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t ** 2) * GELU_C


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def layernorm(x, gamma, beta, eps):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * rstd
    return xhat * gamma + beta, (xhat, rstd)


def layernorm_backward(dy, gamma, cache):
    xhat, rstd = cache
    dgamma = (dy * xhat).sum(axis=0)
    dbeta = dy.sum(axis=0)
    dxhat = dy * gamma
    dx = rstd * (dxhat - dxhat.mean(axis=1, keepdims=True)
                 - xhat * (dxhat * xhat).mean(axis=1, keepdims=True))
    return dx, dgamma, dbeta


class HighwayNet:
    def __init__(self, d_in=6, width=16, n_classes=3, n_blocks=2, p_drop=0.2, lr=3e-3, warmup=4,
                 total_steps=40, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05, ln_eps=1e-5,
                 seed=0):
        rng = np.random.default_rng(seed)
        p = {"W_in": rng.standard_normal((d_in, width)) / math.sqrt(d_in),
             "b_in": np.zeros(width)}
        for l in range(n_blocks):
            p[f"blk{l}.ln_g"] = np.ones(width)
            p[f"blk{l}.ln_b"] = np.zeros(width)
            p[f"blk{l}.W_h"] = rng.standard_normal((width, width)) / math.sqrt(width)
            p[f"blk{l}.b_h"] = np.zeros(width)
            p[f"blk{l}.W_t"] = rng.standard_normal((width, width)) / math.sqrt(width)
            p[f"blk{l}.b_t"] = np.full(width, -1.0)
        p["lnf_g"] = np.ones(width)
        p["lnf_b"] = np.zeros(width)
        p["W_out"] = rng.standard_normal((width, n_classes)) * 0.1
        p["b_out"] = np.zeros(n_classes)
        self.params = p
        self.n_blocks = n_blocks
        self.keep_scale = 1.0 / (1.0 - p_drop)
        self.masks = np.load(os.path.join(HERE, "highway_masks.npz"))["masks"]
        self.ln_eps = ln_eps

        self.base_lr, self.warmup, self.total_steps = lr, warmup, total_steps
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.decayed = {k for k in p if k.split(".")[-1].startswith("W")}
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        masks = self.masks[self.t % len(self.masks)]
        h = X @ p["W_in"] + p["b_in"]
        caches = []
        for l in range(self.n_blocks):
            b = f"blk{l}."
            u, ln_cache = layernorm(h, p[b + "ln_g"], p[b + "ln_b"], self.ln_eps)
            a_h = u @ p[b + "W_h"] + p[b + "b_h"]
            H, tanh_h = gelu_tanh(a_h)
            Hd = H * masks[l] * self.keep_scale
            T = sigmoid(u @ p[b + "W_t"] + p[b + "b_t"])
            caches.append((h, u, ln_cache, a_h, tanh_h, Hd, T, masks[l]))
            h = T * Hd + (1.0 - T) * h
        uf, lnf_cache = layernorm(h, p["lnf_g"], p["lnf_b"], self.ln_eps)
        logits = uf @ p["W_out"] + p["b_out"]
        return logits, (caches, uf, lnf_cache)

    @staticmethod
    def cross_entropy(logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X)[0], y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        N = X.shape[0]
        logits, (caches, uf, lnf_cache) = self.forward(X)
        loss, probs = self.cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g["W_out"] = uf.T @ dlogits
        g["b_out"] = dlogits.sum(axis=0)
        dh, g["lnf_g"], g["lnf_b"] = layernorm_backward(dlogits @ p["W_out"].T, p["lnf_g"],
                                                        lnf_cache)
        for l in reversed(range(self.n_blocks)):
            b = f"blk{l}."
            h_in, u, ln_cache, a_h, tanh_h, Hd, T, mask = caches[l]
            dT = dh * (Hd - h_in)
            dH = dh * T * mask * self.keep_scale
            dh_carry = dh * (1.0 - T)
            da_h = dH * gelu_tanh_grad(a_h, tanh_h)
            da_t = dT * T * (1.0 - T)
            g[b + "W_h"] = u.T @ da_h
            g[b + "b_h"] = da_h.sum(axis=0)
            g[b + "W_t"] = u.T @ da_t
            g[b + "b_t"] = da_t.sum(axis=0)
            du = da_h @ p[b + "W_h"].T + da_t @ p[b + "W_t"].T
            dln, g[b + "ln_g"], g[b + "ln_b"] = layernorm_backward(du, p[b + "ln_g"], ln_cache)
            dh = dh_carry + dln
        g["W_in"] = X.T @ dh
        g["b_in"] = dh.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def learning_rate(self, t):
        if t < self.warmup:
            return self.base_lr * (t + 1) / self.warmup
        progress = (t - self.warmup) / (self.total_steps - self.warmup)
        return self.base_lr * 0.5 * (1.0 + math.cos(math.pi * progress))

    def update(self):
        lr = self.learning_rate(self.t)
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            grad = self.grads[k]
            if k in self.decayed:
                w *= 1.0 - lr * self.weight_decay
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * grad
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * grad * grad
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "highway.npz"))
    net = HighwayNet()
    for step in range(40):
        loss = net.train_step(data["X"], data["y"])
        if step % 5 == 0 or step == 39:
            print(f"step {step:3d}  lr {net.learning_rate(step):.5f}  loss {loss:.4f}")
