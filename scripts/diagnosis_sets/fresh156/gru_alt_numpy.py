"""The same character-level GRU language model as gru_numpy.py, written another way.

Time-major (T, N, ...) throughout, all products as einsum, the gate blocks taken with
np.split, the cross-entropy through a log-sum-exp, the embedding gradient as a one-hot matrix
product instead of a scatter, the gradient scaled in place by the clipping factor and Adam
updating its moments in place. Same parameters, same layout (torch's nn.GRU), same numbers.
"""

import math

import numpy as np


class CharGRU:
    def __init__(self, vocab=16, n_embd=8, hidden=12, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.22, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.V, self.E, self.H = vocab, n_embd, hidden
        k = 1.0 / math.sqrt(hidden)
        self.params = {
            "C": rng.standard_normal((vocab, n_embd)),
            "W_ih": rng.uniform(-k, k, (3 * hidden, n_embd)),
            "W_hh": rng.uniform(-k, k, (3 * hidden, hidden)),
            "b_ih": rng.uniform(-k, k, 3 * hidden),
            "b_hh": rng.uniform(-k, k, 3 * hidden),
            "W_out": rng.uniform(-k, k, (vocab, hidden)),
            "b_out": rng.uniform(-k, k, vocab),
        }
        self.params = {name: a.astype(dtype) for name, a in self.params.items()}
        self.grads = {name: np.zeros_like(a) for name, a in self.params.items()}
        self.lr, self.betas, self.eps, self.max_norm = lr, betas, eps, max_norm
        self.m = {name: np.zeros_like(a) for name, a in self.params.items()}
        self.v = {name: np.zeros_like(a) for name, a in self.params.items()}
        self.t = 0

    def _sig(self, a):
        return 0.5 * (1.0 + np.tanh(0.5 * a))

    def _forward(self, X):
        p = self.params
        xs = p["C"][X.T]                                              # (T, N, E)
        T, N, _ = xs.shape
        gi_all = np.einsum("tne,ge->tng", xs, p["W_ih"]) + p["b_ih"]  # (T, N, 3H)
        h = np.zeros((N, self.H), dtype=xs.dtype)
        hs = np.zeros((T + 1, N, self.H), dtype=xs.dtype)
        R, Z, Nn, GHN = [], [], [], []
        for t in range(T):
            gh = np.einsum("nh,gh->ng", h, p["W_hh"]) + p["b_hh"]
            ir, iz, i_n = np.split(gi_all[t], 3, axis=1)
            hr, hz, h_n = np.split(gh, 3, axis=1)
            r = self._sig(ir + hr)
            z = self._sig(iz + hz)
            n = np.tanh(i_n + r * h_n)
            h = n + z * (h - n)
            hs[t + 1] = h
            R.append(r); Z.append(z); Nn.append(n); GHN.append(h_n)
        logits = np.einsum("tnh,vh->tnv", hs[1:], p["W_out"]) + p["b_out"]
        return logits, xs, hs, (R, Z, Nn, GHN)

    @staticmethod
    def _log_softmax(logits):
        mx = logits.max(axis=-1, keepdims=True)
        return logits - (mx + np.log(np.exp(logits - mx).sum(axis=-1, keepdims=True)))

    def loss(self, X, y):
        logp = self._log_softmax(self._forward(X)[0])
        T, N, V = logp.shape
        return -logp.reshape(-1, V)[np.arange(T * N), y.T.reshape(-1)].sum() / (T * N)

    def backward(self, X, y):
        p, H, V = self.params, self.H, self.V
        logits, xs, hs, (R, Z, Nn, GHN) = self._forward(X)
        logp = self._log_softmax(logits)
        T, N, _ = logp.shape
        eye = np.eye(V, dtype=logp.dtype)
        target = eye[y.T]                                             # (T, N, V)
        loss = -(logp * target).sum() / (T * N)
        dlog = (np.exp(logp) - target) / (T * N)

        grads = {"W_out": np.einsum("tnv,tnh->vh", dlog, hs[1:]),
                 "b_out": dlog.sum(axis=(0, 1))}
        dhs = np.einsum("tnv,vh->tnh", dlog, p["W_out"])
        dgi_all = np.zeros((T, N, 3 * H), dtype=logp.dtype)
        dW_hh = np.zeros_like(p["W_hh"])
        db_hh = np.zeros_like(p["b_hh"])
        dh = np.zeros((N, H), dtype=logp.dtype)
        for t in range(T - 1, -1, -1):
            dh = dh + dhs[t]
            r, z, n, ghn = R[t], Z[t], Nn[t], GHN[t]
            d_n = dh * (1 - z) * (1 - n * n)
            d_z = dh * (hs[t] - n) * z * (1 - z)
            d_r = d_n * ghn * r * (1 - r)
            dgi_all[t] = np.concatenate([d_r, d_z, d_n], axis=1)
            dgh = np.concatenate([d_r, d_z, d_n * r], axis=1)
            dW_hh += np.einsum("ng,nh->gh", dgh, hs[t])
            db_hh += dgh.sum(axis=0)
            dh = dh * z + np.einsum("ng,gh->nh", dgh, p["W_hh"])
        grads["W_ih"] = np.einsum("tng,tne->ge", dgi_all, xs)
        grads["b_ih"] = dgi_all.sum(axis=(0, 1))
        grads["W_hh"] = dW_hh
        grads["b_hh"] = db_hh
        dxs = np.einsum("tng,ge->tne", dgi_all, p["W_ih"]).reshape(-1, self.E)
        grads["C"] = eye[X.T.reshape(-1)].T @ dxs
        self.grads = {name: grads[name] for name in p}
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        norm = math.sqrt(sum(float(np.vdot(g, g)) for g in self.grads.values()))
        coef = self.max_norm / (norm + 1e-6)
        if coef < 1.0:
            for g in self.grads.values():
                g *= coef
        b1, b2 = self.betas
        self.t += 1
        step_size = self.lr / (1 - b1 ** self.t)
        root_bc2 = math.sqrt(1 - b2 ** self.t)
        for name, w in self.params.items():
            g, m, v = self.grads[name], self.m[name], self.v[name]
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            w -= step_size * m / (np.sqrt(v) / root_bc2 + self.eps)
        return float(loss)
