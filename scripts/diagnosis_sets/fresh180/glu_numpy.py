"""A residual SwiGLU MLP regressor written from scratch in NumPy, trained with gradient
accumulation over two micro-batches per step.

    x (N, 5) -> dense 5->12 -> 2 residual GLU blocks -> dense 12->2, mean squared error

Each block is pre-LayerNorm with a fused up-projection split into value and gate halves:

    u = LayerNorm(h)                           (gamma, beta, eps 1e-5)
    a, g = split(u @ W_up + b_up)              (W_up (12, 48): columns 0..23 value, 24..47 gate)
    z = a * silu(g) * mask / (1 - p)           (fixed dropout keep-mask of the micro-batch, p 0.1)
    h = h + z @ W_down + b_down

A step cuts the batch into two halves (micro-batches of 24 rows); each micro-batch loss is the
mean of squares over its rows and both outputs, divided by 2; the gradients of both are summed
and one AdamW update is made (lr 5e-3, betas 0.9, 0.999, eps 1e-8, decoupled weight decay 0.01
on every parameter, as torch.optim.AdamW). Learning rate of the t-th update (t = 0, 1, ...):
linear warm-up over 3 updates, then cosine down to 0.1 of the peak at update 30:

    lr(t) = 5e-3 * (t + 1) / 3                                            for t < 3
    lr(t) = 5e-3 * (0.1 + 0.9 * 0.5 * (1 + cos(pi * (t - 3) / (30 - 3))))  otherwise

Parameters: self.params (flat dict), gradients self.grads, moments self.m, self.v, count self.t.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class GLUResMLP:
    def __init__(self, d_in=5, width=12, hidden=24, d_out=2, n_blocks=2, p_drop=0.1, lr=5e-3,
                 warmup=3, total_steps=30, min_ratio=0.1, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.01, ln_eps=1e-5, micro_batches=2, seed=0):
        rng = np.random.default_rng(seed)
        p = {"W_in": rng.standard_normal((d_in, width)) / math.sqrt(d_in),
             "b_in": np.zeros(width)}
        for l in range(n_blocks):
            p[f"b{l}_ln_w"] = np.ones(width)
            p[f"b{l}_ln_b"] = np.zeros(width)
            p[f"b{l}_W_up"] = rng.standard_normal((width, 2 * hidden)) / math.sqrt(width)
            p[f"b{l}_b_up"] = np.zeros(2 * hidden)
            p[f"b{l}_W_down"] = rng.standard_normal((hidden, width)) / math.sqrt(hidden)
            p[f"b{l}_b_down"] = np.zeros(width)
        p["W_head"] = rng.standard_normal((width, d_out)) / math.sqrt(width)
        p["b_head"] = np.zeros(d_out)
        self.params = p
        self.n_blocks, self.hidden = n_blocks, hidden
        self.keep_scale = 1.0 / (1.0 - p_drop)
        self.masks = np.load(os.path.join(HERE, "glu_masks.npz"))["masks"]   # (micro, block, rows, hidden)
        self.ln_eps = ln_eps
        self.micro_batches = micro_batches

        self.base_lr, self.warmup, self.total_steps, self.min_ratio = lr, warmup, total_steps, min_ratio
        self.beta1, self.beta2 = betas
        self.eps, self.weight_decay = eps, weight_decay
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X, mb):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        caches = []
        for l in range(self.n_blocks):
            mu = h.mean(axis=1, keepdims=True)
            rstd = 1.0 / np.sqrt(h.var(axis=1, keepdims=True) + self.ln_eps)
            xhat = (h - mu) * rstd
            u = xhat * p[f"b{l}_ln_w"] + p[f"b{l}_ln_b"]
            ag = u @ p[f"b{l}_W_up"] + p[f"b{l}_b_up"]
            a, g = ag[:, :self.hidden], ag[:, self.hidden:]
            s = sigmoid(g)
            keep = self.masks[mb, l] * self.keep_scale
            z = a * g * s * keep
            caches.append((xhat, rstd, u, a, g, s, keep, z))
            h = h + z @ p[f"b{l}_W_down"] + p[f"b{l}_b_down"]
        out = h @ p["W_head"] + p["b_head"]
        return out, (caches, h)

    def _micro_batches(self, X, y):
        rows = X.shape[0] // self.micro_batches
        return [(X[i * rows:(i + 1) * rows], y[i * rows:(i + 1) * rows])
                for i in range(self.micro_batches)]

    def loss(self, X, y):
        total = 0.0
        for mb, (xb, yb) in enumerate(self._micro_batches(X, y)):
            out, _ = self._forward(xb, mb)
            total += np.mean((out - yb) ** 2) / self.micro_batches
        return total

    # ----------------------------------------------------------------- backward
    def _backward(self, xb, yb, mb):
        """Add this micro-batch's gradients into self.grads; return its (scaled) loss."""
        p, G = self.params, self.grads
        out, (caches, h) = self._forward(xb, mb)
        diff = out - yb
        loss = np.mean(diff ** 2) / self.micro_batches
        dout = 2.0 * diff / (diff.size * self.micro_batches)
        G["W_head"] += h.T @ dout
        G["b_head"] += dout.sum(axis=0)
        dh = dout @ p["W_head"].T
        for l in reversed(range(self.n_blocks)):
            xhat, rstd, u, a, g, s, keep, z = caches[l]
            G[f"b{l}_W_down"] += (z.T @ dh)
            G[f"b{l}_b_down"] += dh.sum(axis=0)
            dz = (dh @ p[f"b{l}_W_down"].T) * keep
            da = dz * g * s
            dg = dz * a * s * (1.0 + g * (1.0 - s))
            dag = np.concatenate([da, dg], axis=1)
            G[f"b{l}_W_up"] += u.T @ dag
            G[f"b{l}_b_up"] += dag.sum(axis=0)
            du = dag @ p[f"b{l}_W_up"].T
            G[f"b{l}_ln_w"] += (du * xhat).sum(axis=0)
            G[f"b{l}_ln_b"] += du.sum(axis=0)
            dxhat = du * p[f"b{l}_ln_w"]
            dln = rstd * (dxhat - dxhat.mean(axis=1, keepdims=True)
                          - xhat * (dxhat * xhat).mean(axis=1, keepdims=True))
            dh = dh + dln
        G["W_in"] += xb.T @ dh
        G["b_in"] += dh.sum(axis=0)
        return loss

    def backward(self, X, y):
        for k in self.grads:
            self.grads[k][...] = 0.0
        total = 0.0
        for mb, (xb, yb) in enumerate(self._micro_batches(X, y)):
            total += self._backward(xb, yb, mb)
        return total

    # ---------------------------------------------------------------- optimizer
    def learning_rate(self, t):
        if t < self.warmup:
            return self.base_lr * (t + 1) / self.warmup
        progress = (t - self.warmup) / (self.total_steps - self.warmup)
        cosine = 0.5 * (1.0 + math.cos(math.pi * progress))
        return self.base_lr * (self.min_ratio + (1.0 - self.min_ratio) * cosine)

    def update(self):
        lr = self.learning_rate(self.t)
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            grad = self.grads[k]
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
    data = np.load(os.path.join(HERE, "glu.npz"))
    net = GLUResMLP()
    for step in range(30):
        loss = net.train_step(data["X"], data["y"])
        if step % 5 == 0 or step == 29:
            print(f"step {step:3d}  lr {net.learning_rate(step):.5f}  loss {loss:.4f}")
