"""Same 6-D coupling flow as mix6_numpy.py, written another way: weights kept in the (out, in)
layout (x @ W.T), each permutation applied as a one-hot matrix (x @ P, backward g @ P.T), and
AdamW with in-place moment updates.
"""

import math

import numpy as np


class Mix6FlowT:
    def __init__(self, dim=6, hidden=32, n_layers=4, lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-2, seed=3):
        rng = np.random.default_rng(seed)
        self.dim, self.n_layers = dim, n_layers
        self.split = dim // 2
        perm_rng = np.random.default_rng(7)
        self.perms = [perm_rng.permutation(dim) for _ in range(n_layers)]
        self.params, self.grads, self.m, self.v = {}, {}, {}, {}
        for i in range(n_layers):
            self.params[f"c{i}_W1"] = rng.uniform(-1, 1, (hidden, self.split)) / math.sqrt(self.split)
            self.params[f"c{i}_b1"] = rng.uniform(-0.1, 0.1, hidden)
            self.params[f"c{i}_W2"] = rng.uniform(-1, 1, (2 * (dim - self.split), hidden)) * 0.5 / math.sqrt(hidden)
            self.params[f"c{i}_b2"] = np.zeros(2 * (dim - self.split))
        for k, w in self.params.items():
            self.grads[k] = np.zeros_like(w)
            self.m[k] = np.zeros_like(w)
            self.v[k] = np.zeros_like(w)
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.steps_done = 0

    def _perm_matrix(self, i, dtype):
        return np.eye(self.dim, dtype=dtype)[:, self.perms[i]]

    def _run(self, X, keep=False):
        k = self.split
        x = X
        logdet = np.zeros(X.shape[0], dtype=X.dtype)
        tape = []
        for i in range(self.n_layers):
            W1, b1 = self.params[f"c{i}_W1"], self.params[f"c{i}_b1"]
            W2, b2 = self.params[f"c{i}_W2"], self.params[f"c{i}_b2"]
            pre = x[:, :k] @ W1.T + b1
            h = np.maximum(pre, 0.1 * pre)
            out = h @ W2.T + b2
            half = out.shape[1] // 2
            s = np.tanh(out[:, :half])
            es = np.exp(s)
            y = np.hstack([x[:, :k], x[:, k:] * es + out[:, half:]])
            logdet += s.sum(axis=1)
            if keep:
                tape.append((x, pre, h, s, es))
            x = y @ self._perm_matrix(i, y.dtype)
        return x, logdet, tape

    def loss(self, X, y=None):
        z, logdet, _ = self._run(X)
        return np.mean(0.5 * (z * z).sum(axis=1) + self.dim * 0.5 * math.log(2 * math.pi) - logdet)

    def backward(self, X):
        k = self.split
        N = X.shape[0]
        z, logdet, tape = self._run(X, keep=True)
        loss = np.mean(0.5 * (z * z).sum(axis=1) + self.dim * 0.5 * math.log(2 * math.pi) - logdet)
        g = z / N
        for i in reversed(range(self.n_layers)):
            x, pre, h, s, es = tape[i]
            W1, W2 = self.params[f"c{i}_W1"], self.params[f"c{i}_W2"]
            gy = g @ self._perm_matrix(i, g.dtype).T
            gyb = gy[:, k:]
            gout = np.hstack([(gyb * x[:, k:] * es - 1.0 / N) * (1 - s ** 2), gyb])
            self.grads[f"c{i}_W2"] = gout.T @ h
            self.grads[f"c{i}_b2"] = gout.sum(axis=0)
            gpre = gout @ W2
            gpre[pre <= 0] *= 0.1
            self.grads[f"c{i}_W1"] = gpre.T @ x[:, :k]
            self.grads[f"c{i}_b1"] = gpre.sum(axis=0)
            g = np.hstack([gy[:, :k] + gpre @ W1, gyb * es])
        return loss

    def step(self):
        b1, b2 = self.betas
        self.steps_done += 1
        bc1 = 1 - b1 ** self.steps_done
        bc2 = 1 - b2 ** self.steps_done
        for name, w in self.params.items():
            g = self.grads[name]
            w -= self.lr * self.weight_decay * w
            self.m[name] *= b1
            self.m[name] += (1 - b1) * g
            self.v[name] *= b2
            self.v[name] += (1 - b2) * g ** 2
            m_hat = self.m[name] / bc1
            v_hat = self.v[name] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.step()
        return float(loss)
