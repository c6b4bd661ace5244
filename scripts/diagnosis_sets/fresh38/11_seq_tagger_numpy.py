"""Many-to-many Elman RNN in NumPy: a prediction at every one of the 6 time steps, the squared
errors averaged over all of them. The states are kept in a list with the initial state first,
hs[0] = h_0 = 0 and hs[t + 1] the state after x_t, as in the textbook's h_t / h_{t-1}; the
backward pass walks the steps from the last to the first with dh_next carried back. Plain SGD.

    X: (n, 6, 3), y: (n, 6)
"""

import numpy as np

D, H = 3, 6


class SeqTagger:
    def __init__(self, lr=0.1, seed=11):
        rng = np.random.default_rng(seed)
        self.Wx = rng.normal(0.0, 0.5, (D, H))
        self.Wh = rng.normal(0.0, 0.3, (H, H))
        self.b = np.zeros(H)
        self.Wy = rng.normal(0.0, 0.5, (H, 1))
        self.by = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        hs = [np.zeros((X.shape[0], H), dtype=X.dtype)]
        for t in range(X.shape[1]):
            hs.append(np.tanh(X[:, t] @ self.Wx + hs[-1] @ self.Wh + self.b))
        self.hs = hs
        return np.stack([h @ self.Wy + self.by for h in hs[1:]], axis=1)[..., 0]   # (n, T)

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        T = X.shape[1]
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size
        hs = self.hs
        dWx, dWh, db = np.zeros_like(self.Wx), np.zeros_like(self.Wh), np.zeros_like(self.b)
        dWy, dby = np.zeros_like(self.Wy), np.zeros_like(self.by)
        dh_next = np.zeros_like(hs[0])
        for t in reversed(range(1, T)):   # fix: for t in reversed(range(T)):
            dy = dpred[:, t:t + 1]
            dWy += hs[t + 1].T @ dy
            dby += dy.sum(axis=0)
            dh = dy @ self.Wy.T + dh_next
            da = dh * (1.0 - hs[t + 1] ** 2)
            dWx += X[:, t].T @ da
            dWh += hs[t].T @ da
            db += da.sum(axis=0)
            dh_next = da @ self.Wh.T
        self.grads = {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}
        for name, grad in self.grads.items():
            getattr(self, name)[...] -= self.lr * grad
        return float(loss)
