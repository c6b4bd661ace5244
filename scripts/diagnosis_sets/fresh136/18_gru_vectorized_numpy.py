"""gru_numpy.py written another way: the input projections of all steps computed at
once, the per-step pre-activation gradients stacked and reduced with einsum after the
backward loop, the momentum buffer updated in place.

Same model, same parameters (W_x (3, 15), b (15,), U_zr (5, 10), U_n (5, 5),
W_y (5, 1), b_y (1,)), same training: global-norm clipping to 0.25, SGD with
momentum 0.9 (v = μ v + g, p -= lr v), lr 0.1.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GRUTaggerVec:
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
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.grads = {}
        self.lr, self.momentum, self.max_norm = lr, momentum, max_norm

    def _run(self, X):
        p = self.params
        H = self.hidden
        N = X.shape[0]
        Xs = X.reshape(N, self.steps, self.n_in)
        A = np.einsum("ntd,dk->ntk", Xs, p["W_x"]) + p["b"]       # (N, T, 3H)
        hs = np.zeros((self.steps + 1, N, H), dtype=p["U_n"].dtype)
        Z = np.zeros((self.steps, N, H), dtype=hs.dtype)
        R = np.zeros_like(Z)
        Nc = np.zeros_like(Z)
        for t in range(self.steps):
            h = hs[t]
            zr = sigmoid(A[:, t, :2 * H] + h @ p["U_zr"])
            Z[t], R[t] = zr[:, :H], zr[:, H:]
            Nc[t] = np.tanh(A[:, t, 2 * H:] + (R[t] * h) @ p["U_n"])
            hs[t + 1] = h + Z[t] * (Nc[t] - h)
        out = np.einsum("tnh,ho->nt", hs[1:], p["W_y"]) + p["b_y"][0]
        return Xs, hs, Z, R, Nc, out

    def loss(self, X, y):
        return np.mean((self._run(X)[-1] - y) ** 2)

    def backward(self, X, y):
        p = self.params
        H = self.hidden
        Xs, hs, Z, R, Nc, out = self._run(X)
        err = out - y
        dout = err * (2.0 / err.size)                            # (N, T)
        DA = np.zeros((Xs.shape[0], self.steps, 3 * H), dtype=dout.dtype)
        dU_zr = np.zeros_like(p["U_zr"])
        dU_n = np.zeros_like(p["U_n"])
        carry = np.zeros_like(hs[0])
        for t in range(self.steps - 1, -1, -1):
            h_prev, z, r, n = hs[t], Z[t], R[t], Nc[t]
            dh = carry + dout[:, t, None] * p["W_y"][:, 0]
            dan = dh * z * (1.0 - n * n)
            dzr = np.hstack([dh * (n - h_prev) * z * (1.0 - z),
                             ((dan @ p["U_n"].T) * h_prev) * r * (1.0 - r)])
            dU_n += (r * h_prev).T @ dan
            dU_zr += h_prev.T @ dzr
            carry = dh * (1.0 - z) + (dan @ p["U_n"].T) * r + dzr @ p["U_zr"].T
            DA[:, t, :2 * H] = dzr
            DA[:, t, 2 * H:] = dan
        self.grads = {
            "W_x": np.einsum("ntd,ntk->dk", Xs, DA),
            "b": DA.sum(axis=(0, 1)),
            "U_zr": dU_zr,
            "U_n": dU_n,
            "W_y": np.einsum("tnh,nt->h", hs[1:], dout)[:, None],
            "b_y": np.array([dout.sum()], dtype=dout.dtype),
        }
        return np.mean(err ** 2)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        sq = 0.0
        for g in self.grads.values():
            sq = sq + np.vdot(g, g)
        coef = self.max_norm / (np.sqrt(sq) + 1e-6)
        for name, p in self.params.items():
            g = self.grads[name]
            if coef < 1.0:
                g *= coef
            v = self.velocity[name]
            v *= self.momentum
            v += g
            p -= self.lr * v
        return float(loss)
