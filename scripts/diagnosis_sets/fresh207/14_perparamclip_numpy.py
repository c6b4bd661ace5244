"""NumPy variant.

A many-to-one LSTM regressor written by hand in NumPy.

    h_0 = c_0 = 0
    z_t = [x_t, h_{t-1}] @ W + b                     one stacked product, (N, 4H)
    i, f, g, o = sig(z[:, :H]), sig(z[:, H:2H]), tanh(z[:, 2H:3H]), sig(z[:, 3H:])
    c_t = f * c_{t-1} + i * g
    h_t = o * tanh(c_t)
    yhat = h_T @ Wy + by,   loss = mean((yhat - y) ** 2)

Backpropagation through time; gradients clipped by their global L2 norm (max 0.2, as
torch.nn.utils.clip_grad_norm_); Adam written by hand (lr 0.01, betas (0.9, 0.999), eps 1e-8).

Parameters (self.params): W (n_in + H, 4H), b (4H,), Wy (H, 1), by (1,).
Adam state: self.m, self.v (dicts keyed like the parameters), step count self.t.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class StackedLSTM:
    def __init__(self, n_in=3, hidden=12, n_out=1, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.2, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.H = hidden
        self.n_in = n_in
        self.params = {
            "W": rng.uniform(-k, k, (n_in + hidden, 4 * hidden)),
            "b": rng.uniform(-k, k, 4 * hidden),
            "Wy": rng.uniform(-k, k, (hidden, n_out)),
            "by": rng.uniform(-k, k, n_out),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.max_norm = max_norm
        self.t = 0

    def forward(self, X):
        W, b = self.params["W"], self.params["b"]
        H = self.H
        N, T, _ = X.shape
        h = np.zeros((N, H), dtype=W.dtype)
        c = np.zeros((N, H), dtype=W.dtype)
        cache = []
        for t in range(T):
            xh = np.concatenate([X[:, t], h], axis=1)
            z = xh @ W + b
            i = sigmoid(z[:, :H])
            f = sigmoid(z[:, H:2 * H])
            g = np.tanh(z[:, 2 * H:3 * H])
            o = sigmoid(z[:, 3 * H:])
            c_prev = c
            c = f * c_prev + i * g
            tc = np.tanh(c)
            h = o * tc
            cache.append((xh, i, f, g, o, c_prev, tc))
        out = h @ self.params["Wy"] + self.params["by"]
        return out, h, cache

    def loss(self, X, y):
        out, _, _ = self.forward(X)
        return np.mean((out - y) ** 2)

    def backward(self, X, y):
        W = self.params["W"]
        H = self.H
        out, h_T, cache = self.forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size

        self.grads["Wy"] = h_T.T @ dout
        self.grads["by"] = dout.sum(axis=0)
        dW = np.zeros_like(W)
        db = np.zeros_like(self.params["b"])
        dh = dout @ self.params["Wy"].T
        dc = np.zeros_like(dh)
        for xh, i, f, g, o, c_prev, tc in reversed(cache):
            do = dh * tc
            dc = dc + dh * o * (1.0 - tc ** 2)
            di = dc * g
            dg = dc * i
            df = dc * c_prev
            dz = np.concatenate([di * i * (1.0 - i),
                                 df * f * (1.0 - f),
                                 dg * (1.0 - g ** 2),
                                 do * o * (1.0 - o)], axis=1)
            dW += xh.T @ dz
            db += dz.sum(axis=0)
            dh = (dz @ W.T)[:, self.n_in:]
            dc = dc * f
        self.grads["W"] = dW
        self.grads["b"] = db
        return loss

    def clip(self):
        total = 0.0
        for name, g in self.grads.items():
            norm = float(np.sqrt(np.sum(g * g)))
            coef = self.max_norm / (norm + 1e-6)
            if coef < 1.0:
                self.grads[name] = g * coef
            total += norm * norm
        self.grad_norm = total ** 0.5

    def adam(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for name, p in self.params.items():
            g = self.grads[name]
            self.m[name] = self.beta1 * self.m[name] + (1.0 - self.beta1) * g
            self.v[name] = self.beta2 * self.v[name] + (1.0 - self.beta2) * g * g
            m_hat = self.m[name] / bc1
            v_hat = self.v[name] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.adam()
        return float(loss)
