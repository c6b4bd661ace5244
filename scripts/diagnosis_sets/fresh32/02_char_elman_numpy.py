"""Character-level Elman network in NumPy, written with torch.nn.RNN's parameters in mind so that
the port can use nn.RNN directly: h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) from
h_0 = 0 (two biases, as torch keeps them), one-hot inputs, logits h_t W_out^T + b_out at every
position, the cross-entropy averaged over every (sequence, position) pair, back-propagation through
time, and SGD with heavy-ball momentum 0.9 (velocity = 0.9 velocity + grad; param -= lr velocity).

    X: (n, T) int character ids, y: (n, T) int next-character ids
"""

import numpy as np

VOCAB, HIDDEN = 8, 10
NAMES = ("W_ih", "W_hh", "b_ih", "b_hh", "W_out", "b_out")


class CharElman:
    def __init__(self, lr=0.5, momentum=0.9, seed=2):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(HIDDEN)
        self.params = {
            "W_ih": rng.uniform(-k, k, (HIDDEN, VOCAB)),
            "W_hh": rng.uniform(-k, k, (HIDDEN, HIDDEN)),
            "b_ih": rng.uniform(-k, k, HIDDEN),
            "b_hh": rng.uniform(-k, k, HIDDEN),
            "W_out": rng.uniform(-k, k, (VOCAB, HIDDEN)),
            "b_out": np.zeros(VOCAB),
        }
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr, self.momentum = lr, momentum

    def forward(self, X):
        p = self.params
        n, steps = X.shape
        onehot = np.eye(VOCAB, dtype=p["W_ih"].dtype)[X]          # (n, T, V)
        hs = [np.zeros((n, HIDDEN), dtype=p["W_ih"].dtype)]
        for t in range(steps):
            hs.append(np.tanh(onehot[:, t] @ p["W_ih"].T + p["b_ih"] + hs[-1] @ p["W_hh"].T + p["b_hh"]))
        H = np.stack(hs[1:], axis=1)                                # (n, T, hidden)
        logits = H @ p["W_out"].T + p["b_out"]
        logits = logits - logits.max(axis=-1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
        return onehot, hs, H, probs

    def loss(self, X, y):
        _, _, _, probs = self.forward(X)
        return float(-np.log(np.take_along_axis(probs, y[..., None], axis=-1)).mean())

    def train_step(self, X, y):
        p = self.params
        n, steps = X.shape
        onehot, hs, H, probs = self.forward(X)
        loss = -np.log(np.take_along_axis(probs, y[..., None], axis=-1)).mean()

        dlogits = probs.copy()
        np.put_along_axis(dlogits, y[..., None], np.take_along_axis(probs, y[..., None], axis=-1) - 1, axis=-1)
        dlogits /= n * steps
        g = {name: np.zeros_like(v) for name, v in p.items()}
        g["W_out"] = np.einsum("ntv,nth->vh", dlogits, H)
        g["b_out"] = dlogits.sum(axis=(0, 1))
        dH = dlogits @ p["W_out"]                                   # (n, T, hidden)
        dh_next = np.zeros((n, HIDDEN), dtype=H.dtype)
        for t in reversed(range(steps)):
            dz = (dH[:, t] + dh_next) * (1.0 - hs[t + 1] ** 2)
            g["W_ih"] += dz.T @ onehot[:, t]
            g["W_hh"] += dz.T @ hs[t]
            g["b_ih"] += dz.sum(axis=0)
            g["b_hh"] += dz.sum(axis=0)
            dh_next = dz @ p["W_hh"]
        self.grads = g
        for name in NAMES:
            self.velocity[name] = self.momentum * self.velocity[name] + g[name]
            p[name] -= self.lr * self.velocity[name]
        return float(loss)
