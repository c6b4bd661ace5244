"""Elman RNN regressor in NumPy, laid out like torch.nn.RNN so that the port can use it:

    h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh),  h_0 = 0
    y_hat = h_T W_out^T + b_out

Mean squared error, back-propagation through time, plain SGD (lr 0.1).

    X: (n, T, 3) batch first, y: (n, 1)
"""

import numpy as np


class SequenceRegressor:
    def __init__(self, n_in=3, hidden=8, n_out=1, lr=0.1, seed=5):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.W_ih = rng.uniform(-k, k, (hidden, n_in))
        self.W_hh = rng.uniform(-k, k, (hidden, hidden))
        self.b_ih = rng.uniform(-k, k, hidden)
        self.b_hh = rng.uniform(-k, k, hidden)
        self.W_out = rng.uniform(-k, k, (n_out, hidden))
        self.b_out = rng.uniform(-k, k, n_out)
        self.lr = lr

    def forward(self, X):
        n, T, _ = X.shape
        hs = [np.zeros((n, self.W_hh.shape[0]), dtype=X.dtype)]
        for t in range(T):
            hs.append(np.tanh(X[:, t] @ self.W_ih.T + self.b_ih + hs[-1] @ self.W_hh.T + self.b_hh))
        self.hs = hs
        return hs[-1] @ self.W_out.T + self.b_out

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        out = self.forward(X)
        hs = self.hs
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        g = {"W_out": d_out.T @ hs[-1], "b_out": d_out.sum(axis=0)}
        for k in ("W_ih", "W_hh", "b_ih", "b_hh"):
            g[k] = np.zeros_like(getattr(self, k))
        dh = d_out @ self.W_out
        for t in range(X.shape[1] - 1, -1, -1):
            da = dh * (1.0 - hs[t + 1] ** 2)
            g["W_ih"] += da.T @ X[:, t]
            g["W_hh"] += da.T @ hs[t]
            g["b_ih"] += da.sum(axis=0)
            g["b_hh"] += da.sum(axis=0)
            dh = da @ self.W_hh
        self.grads = g
        for k, grad in g.items():
            getattr(self, k)[...] -= self.lr * grad
        return float(loss)
