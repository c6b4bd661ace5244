"""A highway network classifier written from scratch in NumPy.

    a0 = tanh(X @ W0 + b0)                                  input projection 8 -> 16
    for l in 1, 2:                                          two highway layers
        H = relu(x @ Whl + bhl)                             transform
        T = sigmoid(x @ Wtl + btl)                          transform gate, btl started at -2
        x = H * T + x * (1 - T)                             carry gate 1 - T
    logits = x @ Wc + bc                                    classifier 16 -> 3
    loss = mean cross-entropy of softmax(logits)

Weights kept (in, out) in self.params; gradients in self.grads (same keys).
Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected) written by hand.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class HighwayNet:
    def __init__(self, n_in=8, width=16, n_classes=3, n_layers=2, gate_bias=-2.0,
                 lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)

        def glorot(fan_in, fan_out):
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            return rng.uniform(-limit, limit, (fan_in, fan_out))

        self.n_layers = n_layers
        self.params = {"W0": glorot(n_in, width), "b0": rng.uniform(-0.1, 0.1, width)}
        for l in range(1, n_layers + 1):
            self.params[f"Wh{l}"] = glorot(width, width)
            self.params[f"bh{l}"] = rng.uniform(-0.1, 0.1, width)
            self.params[f"Wt{l}"] = glorot(width, width)
            self.params[f"bt{l}"] = np.full(width, gate_bias) + rng.uniform(-0.1, 0.1, width)
        self.params["Wc"] = glorot(width, n_classes)
        self.params["bc"] = np.zeros(n_classes)

        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps

    def forward(self, X):
        p = self.params
        a0 = np.tanh(X @ p["W0"] + p["b0"])
        x = a0
        cache = []
        for l in range(1, self.n_layers + 1):
            zh = x @ p[f"Wh{l}"] + p[f"bh{l}"]
            H = np.maximum(zh, 0)
            T = sigmoid(x @ p[f"Wt{l}"] + p[f"bt{l}"])
            cache.append((x, zh, H, T))
            x = H * T + x * (1 - T)
        logits = x @ p["Wc"] + p["bc"]
        return logits, (a0, cache, x)

    def loss(self, X, y):
        logits, _ = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p, g = self.params, self.grads
        N = X.shape[0]
        logits, (a0, cache, xL) = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["Wc"] = xL.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        dx = dlogits @ p["Wc"].T

        for l in range(self.n_layers, 0, -1):
            x, zh, H, T = cache[l - 1]
            dH = dx * T
            dT = dx * (H - x)
            dx_carry = dx * (1 - T)
            dzh = dH * (zh > 0)
            dzt = dT * T * (1 - T)
            g[f"Wh{l}"] = x.T @ dzh
            g[f"bh{l}"] = dzh.sum(axis=0)
            g[f"Wt{l}"] = x.T @ dzt
            g[f"bt{l}"] = dzt.sum(axis=0)
            dx = dx_carry + dzh @ p[f"Wh{l}"].T

        dz0 = dx * (1 - a0 ** 2)
        g["W0"] = X.T @ dz0
        g["b0"] = dz0.sum(axis=0)
        return loss

    def adam_update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in self.params:
            self.m[k] = b1 * self.m[k] + (1 - b1) * self.grads[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * self.grads[k] ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_update()
        return loss
