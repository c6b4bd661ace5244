"""Per-sample hypernetwork regression in NumPy.

    z = X[:, :3] (task embedding), x = X[:, 3:] (inputs)
    W_n = reshape(z_n @ H + hb, (6, 8)) / sqrt(6)       (the hypernetwork writes each sample's weights)
    h_n = tanh(x_n @ W_n + b1)
    out = h @ w2 + b2,  loss = mean((out - y)^2)
Adagrad as torch.optim.Adagrad: s += g^2; p -= lr g / (sqrt(s) + eps).
"""
import numpy as np


class HyperNet:
    def __init__(self, n_task=3, n_in=6, hidden=8, lr=0.05, eps=1e-10, seed=1):
        rng = np.random.default_rng(seed)
        self.n_task, self.n_in, self.hidden = n_task, n_in, hidden
        self.scale = n_in ** -0.5
        self.params = {
            "H": 0.5 * rng.standard_normal((n_task, n_in * hidden)),
            "hb": 0.1 * rng.standard_normal(n_in * hidden),
            "b1": 0.1 * rng.standard_normal(hidden),
            "w2": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.sum_sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.eps = lr, eps

    def forward(self, X):
        p = self.params
        z, x = X[:, :self.n_task], X[:, self.n_task:]
        n = X.shape[0]
        W = (z @ p["H"] + p["hb"]).reshape(n, self.n_in, self.hidden) * self.scale
        pre = (x[:, None, :] @ W)[:, 0, :] + p["b1"]
        h = np.tanh(pre)
        out = h @ p["w2"] + p["b2"]
        return out, (z, x, pre, h)

    def loss(self, X, y):
        return np.mean((self.forward(X)[0] - y) ** 2)

    def backward(self, X, y):
        p, g = self.params, self.grads
        out, (z, x, pre, h) = self.forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        n = X.shape[0]
        dout = 2.0 * diff / diff.size
        g["w2"] = pre.T @ dout
        g["b2"] = dout.sum(axis=0)
        dh = dout @ p["w2"].T
        dpre = dh * (1.0 - h ** 2)
        g["b1"] = dpre.sum(axis=0)
        dW = x[:, :, None] * dpre[:, None, :] * self.scale
        dflat = dW.reshape(n, self.n_in * self.hidden)
        g["H"] = z.T @ dflat
        g["hb"] = dflat.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            gk = self.grads[k]
            self.sum_sq[k] = self.sum_sq[k] + gk * gk
            p -= self.lr * gk / (np.sqrt(self.sum_sq[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
