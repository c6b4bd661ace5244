"""grucls_numpy.py written another way: every weight kept (out, in) as torch stores it,
the cross-entropy through log-softmax, the clipping in place.

Same model (the nn.GRUCell cell: reset, update, new; reset applied to the hidden
matrix product), same training: clip each gradient entry to [-0.05, 0.05], SGD lr 0.5.

Parameters (self.params): weight_ih (15, 4), weight_hh (15, 5), bias_ih (15,),
bias_hh (15,), weight_out (3, 5), bias_out (3,).
"""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class GRUClassifierTL:
    def __init__(self, n_in=4, steps=4, hidden=5, n_classes=3, lr=0.5, clip=0.05, seed=2):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.params = {
            "weight_ih": rng.uniform(-k, k, (3 * H, n_in)),
            "weight_hh": rng.uniform(-k, k, (3 * H, H)),
            "bias_ih": rng.uniform(-k, k, 3 * H),
            "bias_hh": rng.uniform(-k, k, 3 * H),
            "weight_out": rng.uniform(-k, k, (n_classes, H)),
            "bias_out": np.zeros(n_classes),
        }
        self.lr, self.clip = lr, clip
        self.grads = {}

    def _forward(self, X):
        p = self.params
        H = self.hidden
        h = np.zeros((X.shape[0], H), dtype=p["weight_hh"].dtype)
        tape = []
        for t in range(self.steps):
            x_t = X[:, t * self.n_in:(t + 1) * self.n_in]
            gi = x_t @ p["weight_ih"].T + p["bias_ih"]
            gh = h @ p["weight_hh"].T + p["bias_hh"]
            r = sigmoid(gi[:, :H] + gh[:, :H])
            z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            tape.append((x_t, h, r, z, n, gh[:, 2 * H:]))
            h = n + z * (h - n)
        return h @ p["weight_out"].T + p["bias_out"], h, tape

    @staticmethod
    def log_softmax(a):
        s = a - a.max(axis=1, keepdims=True)
        return s - np.log(np.exp(s).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        logp = self.log_softmax(self._forward(X)[0])
        return -logp[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        p = self.params
        logits, h, tape = self._forward(X)
        N = len(y)
        logp = self.log_softmax(logits)
        loss = -logp[np.arange(N), y].mean()
        onehot = np.zeros_like(logits)
        onehot[np.arange(N), y] = 1.0
        dlogits = (np.exp(logp) - onehot) / N
        g = {name: np.zeros_like(w) for name, w in p.items()}
        g["weight_out"] = dlogits.T @ h
        g["bias_out"] = dlogits.sum(axis=0)
        dh = dlogits @ p["weight_out"]
        for x_t, h_prev, r, z, n, h_n in reversed(tape):
            da_n = dh * (1.0 - z) * (1.0 - n * n)
            da_z = dh * (h_prev - n) * z * (1.0 - z)
            da_r = da_n * h_n * r * (1.0 - r)
            dgi = np.hstack([da_r, da_z, da_n])
            dgh = np.hstack([da_r, da_z, r * da_n])
            g["weight_ih"] += dgi.T @ x_t
            g["bias_ih"] += dgi.sum(axis=0)
            g["weight_hh"] += dgh.T @ h_prev
            g["bias_hh"] += dgh.sum(axis=0)
            dh = dh * z + dgh @ p["weight_hh"]
        for name, w in p.items():
            np.clip(g[name], -self.clip, self.clip, out=g[name])
            w -= self.lr * g[name]
        self.grads = g
        return float(loss)
