"""A small residual conv net without normalisation, by hand in NumPy, trained with AdamW.

    stem : conv 3x3 stride 1 pad 1, 1->4, bias -> ReLU                    (N, 4, 8, 8)
    block: conv 3x3 stride 2 pad 1, 4->6, bias -> ReLU                    (N, 6, 4, 4)
           conv 3x3 stride 1 pad 1, 6->6, bias
           shortcut: conv 1x1 stride 2, 4->6, bias (projection)
           add -> ReLU
    head : global average pooling -> dense 6->3 -> softmax cross-entropy (mean)

Convolutions as a sum over the kernel offsets (one strided slice of the padded input per
offset), weights kept as torch keeps them: conv (cout, cin, kh, kw), dense (out, in).

AdamW (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected) with decoupled weight decay 0.1
on the weights only (p *= 1 - lr wd before the Adam step), none on the biases. Schedule:
linear warmup over 4 steps, then cosine from the base rate down to 0.1 of it at step 20.

    X: float (N, 1, 8, 8), y: int64 (N,)
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import math
import os

import numpy as np


def conv2d(x, W, b, stride, pad):
    N, C, H, Wd = x.shape
    cout, cin, kh, kw = W.shape
    Ho = (H + 2 * pad - kh) // stride + 1
    Wo = (Wd + 2 * pad - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, cout, Ho, Wo), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride]
            out += np.einsum("nchw,oc->nohw", patch, W[:, :, i, j])
    out += b[None, :, None, None]
    return out, (x, xp, W, stride, pad)


def conv2d_backward(dout, cache):
    x, xp, W, stride, pad = cache
    N, C, H, Wd = x.shape
    cout, cin, kh, kw = W.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    dW = np.zeros_like(W)
    dxp = np.zeros_like(xp)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride]
            dW[:, :, i, j] = np.einsum("nohw,nchw->oc", dout, patch)
            dxp[:, :, i:i + stride * Ho:stride,
                j:j + stride * Wo:stride] += np.einsum("nohw,oc->nchw", dout, W[:, :, i, j])
    db = dout.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pad:pad + H, pad:pad + Wd]
    return dx, dW, db


class ResNetPlain:
    def __init__(self, cin=1, c0=4, c1=6, classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.1, warmup=4, total_steps=20, min_ratio=0.1, seed=1,
                 dtype=np.float32):
        rng = np.random.default_rng(seed)

        def he(shape):
            fan_in = int(np.prod(shape[1:]))
            return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)

        p = {
            "Ws": he((c0, cin, 3, 3)), "bs": 0.1 * rng.standard_normal(c0),
            "W1": he((c1, c0, 3, 3)), "b1": 0.1 * rng.standard_normal(c1),
            "W2": he((c1, c1, 3, 3)), "b2": 0.1 * rng.standard_normal(c1),
            "Wp": he((c1, c0, 1, 1)), "bp": 0.1 * rng.standard_normal(c1),
            "Wf": rng.standard_normal((classes, c1)) / np.sqrt(c1),
            "bf": 0.1 * rng.standard_normal(classes),
        }
        self.params = {k: v.astype(dtype) for k, v in p.items()}
        self.grads = {}
        self.dtype = dtype
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.warmup = warmup
        self.total_steps = total_steps
        self.min_ratio = min_ratio
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def schedule(self, step):
        """Multiplier of the base rate for the update after `step` previous updates."""
        if step < self.warmup:
            return (step + 1) / self.warmup
        progress = (step - self.warmup) / (self.total_steps - self.warmup)
        return self.min_ratio + (1 - self.min_ratio) * 0.5 * (1 + math.cos(math.pi * progress))

    def forward_backward(self, X, y):
        P = self.params
        X = np.asarray(X, dtype=self.dtype)
        N = X.shape[0]
        a0, c_s = conv2d(X, P["Ws"], P["bs"], 1, 1)
        h0 = np.maximum(a0, 0)
        a1, c_1 = conv2d(h0, P["W1"], P["b1"], 2, 1)
        h1 = np.maximum(a1, 0)
        a2, c_2 = conv2d(h1, P["W2"], P["b2"], 1, 1)
        ap, c_p = conv2d(h0, P["Wp"], P["bp"], 2, 0)
        s = a2 + ap
        h = np.maximum(s, 0)
        g = h.mean(axis=(2, 3))                       # (N, c1)
        logits = g @ P["Wf"].T + P["bf"]

        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()

        dlogits = np.exp(logp)
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        G = self.grads
        G["Wf"] = dlogits.T @ g
        G["bf"] = dlogits.sum(axis=0)
        dg = dlogits @ P["Wf"]
        Hh, Ww = h.shape[2], h.shape[3]
        dh = np.repeat(np.repeat(dg[:, :, None, None], Hh, axis=2), Ww, axis=3) / (Hh * Ww)
        ds = dh * (s > 0)
        dh1, G["W2"], G["b2"] = conv2d_backward(ds, c_2)
        da1 = dh1 * (a1 > 0)
        dh0, G["W1"], G["b1"] = conv2d_backward(da1, c_1)
        dh0_p, G["Wp"], G["bp"] = conv2d_backward(ds, c_p)
        dh0 = dh0 + dh0_p
        da0 = dh0 * (a0 > 0)
        _, G["Ws"], G["bs"] = conv2d_backward(da0, c_s)
        return loss

    def adamw_step(self):
        lr = self.lr * self.schedule(self.t)
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k, p in self.params.items():
            grad = self.grads[k]
            if k.startswith("W"):
                p *= 1 - lr * self.weight_decay
            self.m[k] = b1 * self.m[k] + (1 - b1) * grad
            self.v[k] = b2 * self.v[k] + (1 - b2) * grad * grad
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.forward_backward(X, y)
        self.adamw_step()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "resplain.npz"))
    net = ResNetPlain()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
