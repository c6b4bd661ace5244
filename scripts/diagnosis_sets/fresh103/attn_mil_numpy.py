"""Attention-based multiple-instance learning (Ilse et al.) in NumPy, backward written by hand.

Each row of X is a bag of B = 6 instances of D = 5 features stored flat. A shared instance
encoder h = relu(x W1 + b1) (8 units), attention scores s_b = w^T tanh(V^T h_b) (no biases),
weights a = softmax over the bag's instances, the bag embedding z = sum_b a_b h_b, and a bag
logit z Wc + bc. The loss is the binary cross-entropy with logits against label-smoothed targets
y (1 - SMOOTH) + SMOOTH / 2, averaged over the bags. AdamW (decoupled weight decay, torch's
defaults otherwise) with weight decay WD on the encoder only (W1, b1), and a linear warm-up: the
t-th update (t = 1, 2, ...) uses LR * min(1, t / WARMUP).

    X: float (n, 30) the bags, y: float (n,) the bag labels 0/1
"""

import numpy as np

B, D, HIDDEN, ATT = 6, 5, 8, 6
LR, WD, WARMUP, SMOOTH = 0.01, 0.05, 4, 0.1
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
DECAYED = ("W1", "b1")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AttnMIL:
    def __init__(self, seed=103):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "V": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, ATT)),
            "w": rng.normal(0.0, 1.0 / np.sqrt(ATT), (ATT, 1)),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "bc": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        Xi = X.reshape(n, B, D)
        pre = Xi @ p["W1"] + p["b1"]                       # (n, B, H)
        h = np.maximum(pre, 0.0)
        T = np.tanh(h @ p["V"])                            # (n, B, L)
        s = (T @ p["w"])[:, :, 0]                          # (n, B)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        a = e / e.sum(axis=1, keepdims=True)
        z = (a[:, :, None] * h).sum(axis=1)                # (n, H)
        logit = (z @ p["Wc"] + p["bc"])[:, 0]              # (n,)
        return Xi, pre, h, T, a, z, logit

    def targets(self, y):
        return y * (1.0 - SMOOTH) + 0.5 * SMOOTH

    def loss(self, X, y):
        logit = self.forward(X)[-1]
        ys = self.targets(y)
        return float(np.mean(np.logaddexp(0.0, logit) - ys * logit))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Xi, pre, h, T, a, z, logit = self.forward(X)
        ys = self.targets(y)
        loss = np.mean(np.logaddexp(0.0, logit) - ys * logit)

        g = {}
        dlogit = (sigmoid(logit) - ys) / n                 # (n,)
        g["Wc"] = z.T @ dlogit[:, None]
        g["bc"] = np.array([dlogit.sum()])
        dz = dlogit[:, None] * p["Wc"][:, 0]               # (n, H)
        dh_pool = a[:, :, None] * dz[:, None, :]           # through the pooling
        da = (h * dz[:, None, :]).sum(axis=2)              # (n, B)
        ds = a * (da - (a * da).sum(axis=1, keepdims=True))
        g["w"] = np.einsum("nbl,nb->l", T, ds)[:, None]
        dT = ds[:, :, None] * p["w"][:, 0]                 # (n, B, L)
        du = dT * (1.0 - T ** 2)
        g["V"] = h.reshape(-1, HIDDEN).T @ du.reshape(-1, ATT)
        dh = dh_pool + du @ p["V"].T                       # plus through the attention
        dpre = dh * (pre > 0)
        g["W1"] = Xi.reshape(-1, D).T @ dpre.reshape(-1, HIDDEN)
        g["b1"] = dpre.sum(axis=(0, 1))
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            if k in DECAYED:
                p[k] -= lr * WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
