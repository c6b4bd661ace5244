"""A GRU for sequence-to-one regression, forward and backpropagation through time in NumPy.

Gate layout follows torch.nn.GRU (gates stacked r, z, n along the last axis, two bias vectors):

    gx  = x_t @ Wx + bx                 gh = h_{t-1} @ Wh + bh           (N, 3H) each
    r   = sigmoid(gx_r + gh_r)          z  = sigmoid(gx_z + gh_z)
    n   = tanh(gx_n + r * gh_n)
    h_t = (1 - z) * n + z * h_{t-1}     h_0 = 0
    yhat = h_T @ Wo + bo  (flattened to (N,)),   loss = mean((yhat - y) ** 2)

Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected), as torch.optim.Adam.
    X: (N, T, 3), y: (N,)
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class GRURegressor:
    def __init__(self, n_in=3, hidden=12, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        H = hidden
        self.H = H
        self.params = {
            "Wx": rng.uniform(-k, k, (n_in, 3 * H)),
            "Wh": rng.uniform(-k, k, (H, 3 * H)),
            "bx": rng.uniform(-k, k, 3 * H),
            "bh": rng.uniform(-k, k, 3 * H),
            "Wo": rng.uniform(-k, k, (H, 1)),
            "bo": rng.uniform(-k, k, 1),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def forward(self, X):
        p, H = self.params, self.H
        dt = p["Wx"].dtype
        X = np.asarray(X, dtype=dt)
        N, T, _ = X.shape
        h = np.zeros((N, H), dtype=dt)
        cache = []
        for t in range(T):
            x = X[:, t, :]
            gx = x @ p["Wx"] + p["bx"]
            gh = h @ p["Wh"] + p["bh"]
            r = sigmoid(gx[:, :H] + gh[:, :H])
            z = sigmoid(gx[:, H:2 * H] + gh[:, H:2 * H])
            n = np.tanh(gx[:, 2 * H:] + r * gh[:, 2 * H:])
            h_new = (1 - z) * n + z * h
            cache.append((x, h, r, z, n, gh[:, 2 * H:]))
            h = h_new
        yhat = (h @ p["Wo"] + p["bo"])[:, 0]
        return yhat, h, cache

    def loss(self, X, y):
        yhat, _, _ = self.forward(X)
        y = np.asarray(y, dtype=yhat.dtype)
        return np.mean((yhat - y) ** 2)

    def backward(self, X, y):
        p, H = self.params, self.H
        yhat, hT, cache = self.forward(X)
        y = np.asarray(y, dtype=yhat.dtype)
        N = yhat.shape[0]
        diff = yhat - y
        loss = np.mean(diff ** 2)

        dyhat = (2.0 / N) * diff                        # (N,)
        g = {name: np.zeros_like(v) for name, v in p.items()}
        g["Wo"] = hT.T @ dyhat[:, None]
        g["bo"] = dyhat.sum(keepdims=True)
        dh = dyhat[:, None] @ p["Wo"].T                 # (N, H)

        for x, h_prev, r, z, n, ghn in reversed(cache):
            dn = dh * (1 - z)
            dz = dh * (h_prev - n)
            dh_prev = dh * z
            dn_pre = dn * (1 - n ** 2)
            dr = dn_pre * ghn
            dghn = dn_pre * r
            dr_pre = dr * r * (1 - r)
            dz_pre = dz * z * (1 - z)
            dgx = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
            dgh = np.concatenate([dr_pre, dz_pre, dghn], axis=1)
            g["Wx"] += x.T @ dgx
            g["bx"] += dgx.sum(axis=0)
            g["Wh"] += h_prev.T @ dgh
            g["bh"] += dgh.sum(axis=0)
            dh_prev = dh_prev + dgh @ p["Wh"].T
            dh = dh_prev
        self.grads = g
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for name, param in self.params.items():
            grad = self.grads[name]
            self.m[name] = b1 * self.m[name] + (1 - b1) * grad
            self.v[name] = b2 * self.v[name] + (1 - b2) * grad * grad
            m_hat = self.m[name] / (1 - b1 ** self.t)
            v_hat = self.v[name] / (1 - b2 ** self.t)
            param -= self.lr * m_hat / np.sqrt(v_hat + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reg.npz"))
    net = GRURegressor()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 20 == 0:
            print(s, l)
