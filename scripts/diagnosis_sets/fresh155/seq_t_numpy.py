"""The seq_numpy.py tagger written another way: weights kept (in, out) for x @ W, gates sliced
through a (N, 4, H) view, the softmax gradient via a one-hot matrix, AdamW with in-place moments.

    gates_t = x_t @ W_ih + b_ih + h_{t-1} @ W_hh + b_hh      order i, f, g, o
    logits_t = h_t @ W_o + b_o,  loss = sum(mask * ce) / sum(mask)

Parameters (self.weights): W_ih (D, 4H) = weight_ih.T, W_hh (H, 4H) = weight_hh.T,
b_ih (4H,), b_hh (4H,), W_o (H, K) = W_out.T, b_o (K,). Clipping at global norm 0.14,
AdamW (lr 0.01, wd 0.01).
"""

import numpy as np


class SeqTaggerT:
    def __init__(self, n_in=3, hidden=6, n_tags=4, seed=2):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.H, self.K = H, n_tags
        b_ih = np.zeros(4 * H)
        b_ih[H:2 * H] = 1.0                                # forget-gate bias
        self.weights = {
            "W_ih": rng.uniform(-k, k, (n_in, 4 * H)),
            "W_hh": rng.uniform(-k, k, (H, 4 * H)),
            "b_ih": b_ih,
            "b_hh": np.zeros(4 * H),
            "W_o": rng.uniform(-k, k, (H, n_tags)),
            "b_o": np.zeros(n_tags),
        }
        self.m = {n: np.zeros_like(a) for n, a in self.weights.items()}
        self.v = {n: np.zeros_like(a) for n, a in self.weights.items()}
        self.grads = {}
        self.k = 0

    def _forward(self, X):
        w, H = self.weights, self.H
        N, T, _ = X.shape
        h = np.zeros((N, H), X.dtype)
        c = np.zeros((N, H), X.dtype)
        tape = []
        for t in range(T):
            z = (X[:, t] @ w["W_ih"] + w["b_ih"] + h @ w["W_hh"] + w["b_hh"]).reshape(N, 4, H)
            i = 1 / (1 + np.exp(-z[:, 0]))
            f = 1 / (1 + np.exp(-z[:, 1]))
            g = np.tanh(z[:, 2])
            o = 1 / (1 + np.exp(-z[:, 3]))
            c_new = f * c + i * g
            h_new = o * np.tanh(c_new)
            tape.append((h, c, i, f, g, o, c_new, h_new))
            h, c = h_new, c_new
        H_all = np.stack([s[-1] for s in tape])            # (T, N, H)
        return H_all @ w["W_o"] + w["b_o"], H_all, tape      # logits (T, N, K)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        mask = np.any(X != 0, axis=2).T.astype(X.dtype)
        z = logits - logits.max(-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(-1, keepdims=True))
        onehot = np.eye(self.K, dtype=X.dtype)[y.T]
        return -((onehot * logp).sum(-1) * mask).sum() / mask.sum()

    def train_step(self, X, y):
        w, H = self.weights, self.H
        N, T, _ = X.shape
        logits, H_all, tape = self._forward(X)
        mask = np.any(X != 0, axis=2).T.astype(X.dtype)    # (T, N)
        z = logits - logits.max(-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(-1, keepdims=True))
        onehot = np.eye(self.K, dtype=X.dtype)[y.T]
        loss = -((onehot * logp).sum(-1) * mask).sum() / mask.sum()

        dlog = (np.exp(logp) - onehot) * (mask / mask.sum())[..., None]
        grads = {n: np.zeros_like(a) for n, a in w.items()}
        grads["W_o"] = H_all.reshape(T * N, H).T @ dlog.reshape(T * N, -1)
        grads["b_o"] = dlog.sum(axis=(0, 1))
        dH = dlog @ w["W_o"].T
        dh = np.zeros((N, H), X.dtype)
        dc = np.zeros((N, H), X.dtype)
        for t in reversed(range(T)):
            h_prev, c_prev, i, f, g, o, c_new, _ = tape[t]
            dh = dh + dH[t]
            tc = np.tanh(c_new)
            dc = dc + dh * o * (1 - tc ** 2)
            dz = np.stack([dc * g * i * (1 - i), dc * c_prev * f * (1 - f),
                           dc * i * (1 - g ** 2), dh * tc * o * (1 - o)], axis=1).reshape(N, 4 * H)
            grads["W_ih"] += X[:, t].T @ dz
            grads["W_hh"] += h_prev.T @ dz
            grads["b_ih"] += dz.sum(0)
            grads["b_hh"] += dz.sum(0)
            dh = dz @ w["W_hh"].T
            dc = dc * f

        total = np.sqrt(sum(float((a * a).sum()) for a in grads.values()))
        if total > 0.14:
            for n in grads:
                grads[n] *= 0.14 / (total + 1e-6)
        self.grads = grads

        self.k += 1
        for n, a in w.items():
            a *= 1 - 0.01 * 0.01
            self.m[n] *= 0.9
            self.m[n] += 0.1 * grads[n]
            self.v[n] *= 0.999
            self.v[n] += 0.001 * grads[n] ** 2
            denom = np.sqrt(self.v[n]) / (1 - 0.999 ** self.k) ** 0.5 + 1e-8
            a -= (0.01 / (1 - 0.9 ** self.k)) * self.m[n] / denom
        return float(loss)
