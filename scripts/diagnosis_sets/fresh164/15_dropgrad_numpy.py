"""A small classifier MLP with layer normalisation, GELU and a fixed dropout mask, in NumPy.

    x, mask = X[:, :8], X[:, 8:]                       the keep-mask comes with the data
    z  = x @ W1 + b1                                   (N, 32)
    h  = ln_g * (z - mean_row) / sqrt(var_row + eps) + ln_b     per-row stats, biased variance
    a  = gelu(h)                                       tanh approximation
    d  = a * mask / keep                               inverted dropout, keep = 0.8
    logits = d @ W2 + b2                               (N, 4)
    loss = mean over rows of softmax cross-entropy

AdamW (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected) with decoupled weight decay 0.05 on
the two weight matrices only (biases and the layer-norm gain and shift are not decayed), as
torch.optim.AdamW with two parameter groups.
"""

import math

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(GELU_C * (x + 0.044715 * x ** 3)))


def gelu_grad(x):
    t = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_C * (1.0 + 3 * 0.044715 * x ** 2)


class LNClassifier:
    def __init__(self, n_in=8, hidden=32, n_classes=4, keep=0.8, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, weight_decay=0.05, ln_eps=1e-5, seed=1):
        rng = np.random.default_rng(seed)
        self.n_in, self.keep, self.ln_eps = n_in, keep, ln_eps
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": rng.normal(0.0, 0.1, hidden),
            "ln_g": 1.0 + 0.1 * rng.normal(size=hidden),
            "ln_b": 0.1 * rng.normal(size=hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes)),
            "b2": np.zeros(n_classes),
        }
        self.decay = ("W1", "W2")
        self.lr, self.beta1, self.beta2, self.adam_eps, self.wd = lr, betas[0], betas[1], eps, weight_decay
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        p = self.params
        x, mask = X[:, :self.n_in], X[:, self.n_in:]
        z = x @ p["W1"] + p["b1"]
        mu = z.mean(axis=1, keepdims=True)
        var = z.var(axis=1, keepdims=True)
        inv = 1.0 / np.sqrt(var + self.ln_eps)
        zh = (z - mu) * inv
        h = p["ln_g"] * zh + p["ln_b"]
        a = gelu(h)
        d = a * mask / self.keep
        logits = d @ p["W2"] + p["b2"]
        return logits, (x, mask, inv, zh, h, d)

    def loss(self, X, y):
        logits, _ = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p = self.params
        logits, (x, mask, inv, zh, h, d) = self.forward(X)
        n = logits.shape[0]
        s = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(s)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g = {}
        g["W2"] = d.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dd = dlogits @ p["W2"].T
        da = dd * mask
        dh = da * gelu_grad(h)
        g["ln_g"] = (dh * zh).sum(axis=0)
        g["ln_b"] = dh.sum(axis=0)
        dzh = dh * p["ln_g"]
        dz = inv * (dzh - dzh.mean(axis=1, keepdims=True)
                    - zh * (dzh * zh).mean(axis=1, keepdims=True))
        g["W1"] = x.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g
        return loss

    def adamw(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            if k in self.decay:
                p *= 1 - self.lr * self.wd
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.adam_eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)


if __name__ == "__main__":
    import os
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ln.npz"))
    net = LNClassifier()
    for step in range(60):
        loss = net.train_step(data["X"].astype(np.float64), data["y"])
        if step % 10 == 0:
            print(step, loss)
