"""LSTM regressor in NumPy, after colah's "Understanding LSTM Networks": sequences of 5 steps
with 3 features, a hidden state and cell of H = 5, the four gates (input i, forget f, candidate
g, output o, in that order) from one stacked matrix each for the input and the state,

    i, f, o = sigmoid(.), g = tanh(.), c_t = f c_{t-1} + i g, h_t = o tanh(c_t),

the last hidden state read out by a linear unit. Mean squared error, back-propagation through
time, Adam.

    X: (n, 5, 3), y: (n, 1)
"""

import numpy as np

N_IN, H = 3, 5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SequenceLSTM:
    def __init__(self, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wx": rng.normal(0.0, 0.4, (N_IN, 4 * H)),
            "Wh": rng.normal(0.0, 0.3, (H, 4 * H)),
            "b": np.zeros(4 * H),
            "Wy": rng.normal(0.0, 0.5, (H, 1)),
            "by": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n, steps, _ = X.shape
        h = np.zeros((n, H), dtype=X.dtype)
        c = np.zeros((n, H), dtype=X.dtype)
        self.cache = []
        for t in range(steps):
            a = X[:, t] @ p["Wx"] + h @ p["Wh"] + p["b"]
            i, f, g, o = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), np.tanh(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
            c_new = f * c + i * g
            h_new = o * np.tanh(c_new)
            self.cache.append((h, c, i, f, g, o, c_new))
            h, c = h_new, c_new
        self.h_last = h
        return h @ p["Wy"] + p["by"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        n, steps, _ = X.shape
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        grads = {k: np.zeros_like(v) for k, v in p.items()}
        grads["Wy"] = self.h_last.T @ d_out
        grads["by"] = d_out.sum(axis=0)
        dh = d_out @ p["Wy"].T
        dc_next = np.zeros_like(dh)
        for t in reversed(range(steps)):
            h_prev, c_prev, i, f, g, o, c = self.cache[t]
            tc = np.tanh(c)
            dc = dh * o * (1.0 - tc ** 2) + dc_next
            da = np.concatenate([dc * g * i * (1.0 - i), dc * c_prev * f * (1.0 - f),
                                 dc * i * (1.0 - g ** 2), dh * tc * o * (1.0 - o)], axis=1)
            grads["Wx"] += X[:, t].T @ da
            grads["Wh"] += h_prev.T @ da
            grads["b"] += da.sum(axis=0)
            dh = da @ p["Wh"].T
            dc_next = dc * f
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
