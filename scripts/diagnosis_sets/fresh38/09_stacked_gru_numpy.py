"""Many-to-one GRU regressor in NumPy meant to load into torch.nn.GRU: the gate blocks of Wx
(D, 3H), Wh (H, 3H) and of the two biases are stacked as torch stacks them, (r, z, n), the
input projections of all time steps computed at once with einsum, the cell as the torch docs
write it, h' = (1 - z) * n + z * h with n = tanh(x W_n + b_in + r * (h U_n + b_hn)). The final
state is read out linearly. Mean squared error, BPTT, SGD with Nesterov momentum in torch's form.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 6
R, Z, N = 1, 0, 2   # fix: R, Z, N = 0, 1, 2


def block(a, gate):
    """The columns of one gate in a (..., 3H) stack."""
    return a[..., gate * H:(gate + 1) * H]


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class StackedGRU:
    def __init__(self, lr=0.05, momentum=0.9, seed=9):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.params = {"Wx": rng.uniform(-k, k, (D, 3 * H)), "Wh": rng.uniform(-k, k, (H, 3 * H)),
                       "bx": rng.uniform(-k, k, 3 * H), "bh": rng.uniform(-k, k, 3 * H),
                       "Wy": rng.uniform(-k, k, (H, 1)), "by": np.zeros(1)}
        self.lr, self.momentum = lr, momentum
        self.velocity = {key: np.zeros_like(v) for key, v in self.params.items()}

    def forward(self, X):
        p = self.params
        gi_all = np.einsum("ntd,dg->ntg", X, p["Wx"]) + p["bx"]
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        self.cache = []
        for t in range(X.shape[1]):
            gi, gh = gi_all[:, t], h @ p["Wh"] + p["bh"]
            r = sigmoid(block(gi, R) + block(gh, R))
            z = sigmoid(block(gi, Z) + block(gh, Z))
            n = np.tanh(block(gi, N) + r * block(gh, N))
            self.cache.append((h, r, z, n, block(gh, N)))
            h = (1.0 - z) * n + z * h
        self.h = h
        return h @ p["Wy"] + p["by"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / len(X)
        g = {key: np.zeros_like(v) for key, v in p.items()}
        g["Wy"] = self.h.T @ dpred
        g["by"] = dpred.sum(axis=0)
        dh = dpred @ p["Wy"].T
        for t in reversed(range(X.shape[1])):
            h_prev, r, z, n, hn = self.cache[t]
            dan = dh * (1.0 - z) * (1.0 - n ** 2)
            daz = dh * (h_prev - n) * z * (1.0 - z)
            dar = dan * hn * r * (1.0 - r)
            dgi = np.zeros((X.shape[0], 3 * H), dtype=X.dtype)
            dgh = np.zeros((X.shape[0], 3 * H), dtype=X.dtype)
            block(dgi, R)[:], block(dgi, Z)[:], block(dgi, N)[:] = dar, daz, dan
            block(dgh, R)[:], block(dgh, Z)[:], block(dgh, N)[:] = dar, daz, dan * r
            g["Wx"] += X[:, t].T @ dgi
            g["bx"] += dgi.sum(axis=0)
            g["Wh"] += h_prev.T @ dgh
            g["bh"] += dgh.sum(axis=0)
            dh = dh * z + dgh @ p["Wh"].T
        self.grads = g
        for key in p:
            self.velocity[key] = self.momentum * self.velocity[key] + g[key]
            p[key] -= self.lr * (g[key] + self.momentum * self.velocity[key])
        return float(loss)
