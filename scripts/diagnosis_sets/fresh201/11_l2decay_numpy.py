"""A one-block pre-norm residual MLP classifier, written by hand in NumPy.

    h0     = X @ W_in + b_in                         (N, 16), the residual stream
    n      = RMSNorm(h0) * g                         rms over the features, eps 1e-6
    u      = silu(n @ W_gate) * (n @ W_up)           SwiGLU, hidden 32, no biases
    h1     = h0 + u @ W_down                         residual add
    logits = h1 @ W_head + b_head                    4 classes
    loss   = softmax cross-entropy, mean over the batch

Weights are kept (in, out). AdamW (decoupled weight decay 0.1 on every parameter), betas
(0.9, 0.999), eps 1e-8, with a linear warmup of the learning rate over the first 10 updates:
update t (t = 1, 2, ...) uses lr * min(1, t / 10).
"""

import math

import numpy as np


class RMSGLUNet:
    def __init__(self, d_in=12, d_model=16, d_ff=32, n_classes=4, lr=5e-3, warmup=10,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1, norm_eps=1e-6, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.standard_normal((d_in, d_model)) / math.sqrt(d_in),
            "b_in": np.zeros(d_model),
            "g": np.ones(d_model),
            "W_gate": rng.standard_normal((d_model, d_ff)) / math.sqrt(d_model),
            "W_up": rng.standard_normal((d_model, d_ff)) / math.sqrt(d_model),
            "W_down": rng.standard_normal((d_ff, d_model)) / math.sqrt(d_ff),
            "W_head": rng.standard_normal((d_model, n_classes)) / math.sqrt(d_model),
            "b_head": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.warmup = lr, warmup
        self.beta1, self.beta2 = betas
        self.eps, self.weight_decay, self.norm_eps = eps, weight_decay, norm_eps

    @staticmethod
    def sigmoid(x):
        return 1.0 / (1.0 + np.exp(-x))

    def forward(self, X):
        p = self.params
        h0 = X @ p["W_in"] + p["b_in"]
        r = 1.0 / np.sqrt(np.mean(h0 * h0, axis=-1, keepdims=True) + self.norm_eps)
        xn = h0 * r
        n = xn * p["g"]
        a = n @ p["W_gate"]
        b = n @ p["W_up"]
        s = self.sigmoid(a)
        act = a * s
        u = act * b
        h1 = h0 + u @ p["W_down"]
        logits = h1 @ p["W_head"] + p["b_head"]
        self.cache = (X, h0, r, xn, n, a, b, s, act, u, h1)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p = self.params
        logits = self.forward(X)
        X, h0, r, xn, n, a, b, s, act, u, h1 = self.cache
        N = X.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g = self.grads
        g["W_head"] = h1.T @ dlogits
        g["b_head"] = dlogits.sum(axis=0)
        dh1 = dlogits @ p["W_head"].T
        g["W_down"] = u.T @ dh1
        du = dh1 @ p["W_down"].T
        dact = du * b
        db = du * act
        da = dact * s * (1.0 + a * (1.0 - s))          # silu'(a)
        g["W_gate"] = n.T @ da
        g["W_up"] = n.T @ db
        dn = da @ p["W_gate"].T + db @ p["W_up"].T
        g["g"] = (dn * xn).sum(axis=0)
        dxn = dn * p["g"]
        dh0 = dh1 + r * (dxn - xn * np.mean(dxn * xn, axis=-1, keepdims=True))
        g["W_in"] = X.T @ dh0
        g["b_in"] = dh0.sum(axis=0)
        return loss

    def step(self):
        self.t += 1
        lr = self.lr * min(1.0, self.t / self.warmup)
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            grad = self.grads[k]
            grad = grad + self.weight_decay * w
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * grad
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * grad * grad
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
