"""A GRU sequence tagger (a prediction at every step) trained by BPTT, from scratch in NumPy.

Each row of X is a sequence of T = 5 steps of D = 3 features stored flat,
x_t = X[:, t*D:(t+1)*D]; y holds one target per step, (N, T). The cell is
the GRU of Cho et al. (2014): the candidate is computed from the reset
hidden state, r * h, before its matrix:

    [a_z, a_r, a_n] = x_t @ W_x + b                 W_x (D, 3H), b (3H,)
    [u_z, u_r]      = h_{t-1} @ U_zr                U_zr (H, 2H)
    z = σ(a_z + u_z),  r = σ(a_r + u_r)
    n = tanh(a_n + (r * h_{t-1}) @ U_n)             U_n (H, H)
    h_t = (1 - z) * h_{t-1} + z * n                 h_0 = 0
    yhat_t = h_t @ W_y + b_y                        W_y (H, 1), b_y (1,)
    loss = mean over all N*T of (yhat_t - y_t) ** 2

Gradients are clipped by their global L2 norm (max_norm / (norm + 1e-6), as
torch.nn.utils.clip_grad_norm_) and applied by SGD with momentum written as
torch.optim.SGD does it: v = μ v + g, p -= lr v (lr 0.1, μ 0.9).

Parameters (self.params): W_x, b, U_zr, U_n, W_y, b_y. Optimizer state:
self.velocity, keyed like the parameters.
"""

import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GRUTagger:
    def __init__(self, n_in=3, steps=5, hidden=5, lr=0.1, momentum=0.9, max_norm=0.25, seed=1):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.params = {
            "W_x": rng.uniform(-k, k, (n_in, 3 * H)),
            "b": np.zeros(3 * H),
            "U_zr": rng.uniform(-k, k, (H, 2 * H)),
            "U_n": rng.uniform(-k, k, (H, H)),
            "W_y": rng.uniform(-k, k, (H, 1)),
            "b_y": np.zeros(1),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.max_norm = max_norm

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        H = self.hidden
        N = X.shape[0]
        X = X.reshape(N, self.steps, self.n_in)
        h = np.zeros((N, H), dtype=p["U_n"].dtype)
        cache, outs = [], []
        for t in range(self.steps):
            x_t = X[:, t]
            a = x_t @ p["W_x"] + p["b"]
            u = h @ p["U_zr"]
            z = sigmoid(a[:, :H] + u[:, :H])
            r = sigmoid(a[:, H:2 * H] + u[:, H:])
            rh = r * h
            n = np.tanh(a[:, 2 * H:] + rh @ p["U_n"])
            h_new = (1.0 - z) * h + z * n
            cache.append((x_t, h, z, r, rh, n, h_new))
            outs.append(h_new @ p["W_y"] + p["b_y"])
            h = h_new
        return np.concatenate(outs, axis=1), cache

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        out, cache = self._forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size                       # (N, T)

        g = {name: np.zeros_like(w) for name, w in p.items()}
        dh_next = np.zeros((X.shape[0], self.hidden), dtype=dout.dtype)
        for t in reversed(range(self.steps)):
            x_t, h_prev, z, r, rh, n, h_t = cache[t]
            dy = dout[:, t:t + 1]
            g["W_y"] += h_t.T @ dy
            g["b_y"] += dy.sum(axis=0)
            dh = dh_next + dy @ p["W_y"].T
            dn = dh * z
            dz = dh * (h_prev - n)  # fix: dz = dh * (n - h_prev)
            dh_prev = dh * (1.0 - z)
            da_n = dn * (1.0 - n ** 2)
            g["U_n"] += rh.T @ da_n
            drh = da_n @ p["U_n"].T
            dr = drh * h_prev
            dh_prev += drh * r
            da_zr = np.concatenate([dz * z * (1.0 - z), dr * r * (1.0 - r)], axis=1)
            g["U_zr"] += h_prev.T @ da_zr
            dh_prev += da_zr @ p["U_zr"].T
            da = np.concatenate([da_zr, da_n], axis=1)
            g["W_x"] += x_t.T @ da
            g["b"] += da.sum(axis=0)
            dh_next = dh_prev
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_gradients(self):
        total = np.sqrt(sum(np.sum(gr * gr) for gr in self.grads.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1.0:
            for name in self.grads:
                self.grads[name] *= coef
        return total

    def momentum_step(self):
        for name, p in self.params.items():
            self.velocity[name] = self.momentum * self.velocity[name] + self.grads[name]
            p -= self.lr * self.velocity[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_gradients()
        self.momentum_step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gru.npz"))
    X, y = data["X"].astype(np.float32), data["y"].astype(np.float32)
    net = GRUTagger()
    for k in net.params:
        net.params[k] = net.params[k].astype(np.float32)
    net.velocity = {k: np.zeros_like(p) for k, p in net.params.items()}
    for step in range(30):
        net.backward(X, y)
        norm = net.clip_gradients()
        loss = net.loss(X, y)
        net.momentum_step()
        print(step, float(loss), float(norm))
