"""Many-to-many LSTM in NumPy, time-major throughout: the batch is turned to (T, n, D) once, the
input projections of every step are computed in one einsum before the recurrence, and the
recurrence writes into preallocated (T, n, H) arrays. torch.nn.LSTM's parameter layout (gates
i, f, g, o; two biases), a readout at every step, the squared errors averaged over steps and
sequences, and Adam with amsgrad as torch.optim.Adam(amsgrad=True) computes it (the running
maximum of the second moment, bias-corrected at the current step).

    X: (n, 6, 3), y: (n, 6)
"""

import numpy as np

D, H = 3, 4


class TimeMajorLSTM:
    def __init__(self, lr=0.01, seed=22):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.p = {"W_ih": rng.uniform(-k, k, (4 * H, D)), "W_hh": rng.uniform(-k, k, (4 * H, H)),
                  "b_ih": rng.uniform(-k, k, 4 * H), "b_hh": rng.uniform(-k, k, 4 * H),
                  "W_y": rng.uniform(-k, k, (1, H)), "b_y": rng.uniform(-k, k, 1)}
        self.lr, self.b1, self.b2, self.eps, self.k = lr, 0.9, 0.999, 1e-8, 0
        self.m = {key: np.zeros_like(v) for key, v in self.p.items()}
        self.v = {key: np.zeros_like(v) for key, v in self.p.items()}
        self.vmax = {key: np.zeros_like(v) for key, v in self.p.items()}

    def forward(self, X):
        p = self.p
        Xt = X.transpose(1, 0, 2)
        T, n, _ = Xt.shape
        G = np.einsum("tnd,gd->tng", Xt, p["W_ih"]) + p["b_ih"] + p["b_hh"]
        act = np.empty((T, n, 4 * H), dtype=X.dtype)
        hs = np.zeros((T + 1, n, H), dtype=X.dtype)
        cs = np.zeros((T + 1, n, H), dtype=X.dtype)
        for t in range(T):
            a = G[t] + hs[t] @ p["W_hh"].T
            act[t, :, :2 * H] = 0.5 * (1.0 + np.tanh(0.5 * a[:, :2 * H]))
            act[t, :, 2 * H:3 * H] = np.tanh(a[:, 2 * H:3 * H])
            act[t, :, 3 * H:] = 0.5 * (1.0 + np.tanh(0.5 * a[:, 3 * H:]))
            cs[t + 1] = act[t, :, H:2 * H] * cs[t] + act[t, :, :H] * act[t, :, 2 * H:3 * H]
            hs[t + 1] = act[t, :, 3 * H:] * np.tanh(cs[t + 1])
        self.Xt, self.act, self.hs, self.cs = Xt, act, hs, cs
        return (np.einsum("tnh,oh->nto", hs[1:], p["W_y"]) + p["b_y"])[..., 0]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.p
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dP = (2.0 * (pred - y) / pred.size).T                          # (T, n)
        Xt, act, hs, cs = self.Xt, self.act, self.hs, self.cs
        g = {key: np.zeros_like(v) for key, v in p.items()}
        g["W_y"] = np.einsum("tn,tnh->h", dP, hs[1:])[None]
        g["b_y"] = dP.sum(keepdims=True).reshape(1)
        dh_rec = np.zeros_like(hs[0])
        dc_rec = np.zeros_like(cs[0])
        dA = np.empty_like(act)
        for t in range(Xt.shape[0] - 1, -1, -1):
            i, f, gg, o = (act[t, :, j * H:(j + 1) * H] for j in range(4))
            dh = dP[t][:, None] * p["W_y"] + dh_rec
            tc = np.tanh(cs[t + 1])
            dc = dh * o * (1.0 - tc * tc) + dc_rec
            dA[t, :, :H] = dc * gg * i * (1.0 - i)
            dA[t, :, H:2 * H] = dc * cs[t] * f * (1.0 - f)
            dA[t, :, 2 * H:3 * H] = dc * i * (1.0 - gg * gg)
            dA[t, :, 3 * H:] = dh * tc * o * (1.0 - o)
            dh_rec = dA[t] @ p["W_hh"]
            dc_rec = dc * f
        g["W_ih"] = np.einsum("tng,tnd->gd", dA, Xt)
        g["W_hh"] = np.einsum("tng,tnh->gh", dA, hs[:-1])
        g["b_ih"] = dA.sum(axis=(0, 1))
        g["b_hh"] = g["b_ih"].copy()
        self.grads = g
        self.k += 1
        bc1, bc2 = 1 - self.b1 ** self.k, 1 - self.b2 ** self.k
        for key in p:
            self.m[key] = self.b1 * self.m[key] + (1 - self.b1) * g[key]
            self.v[key] = self.b2 * self.v[key] + (1 - self.b2) * g[key] ** 2
            self.vmax[key] = np.maximum(self.vmax[key], self.v[key])
            p[key] -= (self.lr / bc1) * self.m[key] / (np.sqrt(self.vmax[key]) / np.sqrt(bc2) + self.eps)
        return float(loss)
