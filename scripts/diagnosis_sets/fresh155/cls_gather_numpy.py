"""LSTM many-to-one classifier in NumPy, written another way (same computation as cls_numpy.py).

The cell runs over every step, padding included, and keeps every hidden state; the
classifier reads h at each sequence's own last step, hs[n, L_n - 1], with the lengths
L_n counted from the zero padding. The backward pass injects the classifier's gradient
at that step only and runs BPTT through the states before it (the steps after it do not
reach the loss). Gate order i, f, g, o; forget-gate bias 1; softmax cross-entropy, mean.
Global-norm clipping (0.15, as clip_grad_norm_), Adam (lr 0.01) with in-place moment updates.

Parameters (self.params): Wx (n_in, 4H), Wh (H, 4H), b (4H,), Wy (H, K), by (K,).
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMGather:
    def __init__(self, n_in=3, hidden=5, n_classes=3, lr=0.01, max_norm=0.15, seed=0):
        rng = np.random.default_rng(seed)
        H = hidden
        s = 1.0 / np.sqrt(H)
        self.H = H
        self.params = {
            "Wx": rng.uniform(-s, s, (n_in, 4 * H)),
            "Wh": rng.uniform(-s, s, (H, 4 * H)),
            "b": np.concatenate([np.zeros(H), np.ones(H), np.zeros(2 * H)]),
            "Wy": rng.uniform(-s, s, (H, n_classes)),
            "by": np.zeros(n_classes),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {}
        self.t = 0
        self.lr, self.max_norm = lr, max_norm

    def _run(self, X):
        p, H = self.params, self.H
        N, T, _ = X.shape
        lengths = np.count_nonzero(np.any(X != 0, axis=2), axis=1)
        hs = np.zeros((T + 1, N, H), dtype=X.dtype)      # hs[t + 1] is h after step t
        cs = np.zeros((T + 1, N, H), dtype=X.dtype)
        acts = np.zeros((T, N, 4 * H), dtype=X.dtype)
        for t in range(T):
            a = X[:, t] @ p["Wx"] + hs[t] @ p["Wh"] + p["b"]
            acts[t] = sigmoid(a)
            acts[t, :, 2 * H:3 * H] = np.tanh(a[:, 2 * H:3 * H])
            i, f, g, o = np.split(acts[t], 4, axis=1)
            cs[t + 1] = f * cs[t] + i * g
            hs[t + 1] = o * np.tanh(cs[t + 1])
        rows = np.arange(N)
        h_last = hs[lengths, rows]
        logits = h_last @ p["Wy"] + p["by"]
        return logits, h_last, lengths, hs, cs, acts

    def loss(self, X, y):
        logits = self._run(X)[0]
        shifted = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        return np.mean(lse - shifted[np.arange(len(y)), y])

    def train_step(self, X, y):
        p, H = self.params, self.H
        N, T, _ = X.shape
        logits, h_last, lengths, hs, cs, acts = self._run(X)
        shifted = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        loss = np.mean(lse - shifted[np.arange(N), y])

        dlogits = np.exp(shifted - lse[:, None])
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        grads = {"Wy": h_last.T @ dlogits, "by": dlogits.sum(axis=0)}
        dtop = dlogits @ p["Wy"].T                       # goes in at step L_n - 1
        dWx = np.zeros_like(p["Wx"])
        dWh = np.zeros_like(p["Wh"])
        db = np.zeros_like(p["b"])
        dh = np.zeros((N, H), dtype=X.dtype)
        dc = np.zeros((N, H), dtype=X.dtype)
        for t in range(T - 1, -1, -1):
            dh = dh + dtop * (lengths == t + 1)[:, None]
            i, f, g, o = np.split(acts[t], 4, axis=1)
            tanh_c = np.tanh(cs[t + 1])
            dc = dc + dh * o * (1 - tanh_c * tanh_c)
            da = np.hstack([dc * g * i * (1 - i),
                            dc * cs[t] * f * (1 - f),
                            dc * i * (1 - g * g),
                            dh * tanh_c * o * (1 - o)])
            dWx += X[:, t].T @ da
            dWh += hs[t].T @ da
            db += da.sum(axis=0)
            dh = da @ p["Wh"].T
            dc = dc * f
        grads.update(Wx=dWx, Wh=dWh, b=db)

        norm = np.sqrt(sum((g_ * g_).sum() for g_ in grads.values()))
        clip = min(self.max_norm / (norm + 1e-6), 1.0)
        self.grads = {k: g_ * clip for k, g_ in grads.items()}

        self.t += 1
        c1, c2 = 1 - 0.9 ** self.t, 1 - 0.999 ** self.t
        for k, w in self.params.items():
            g_ = self.grads[k]
            self.m[k] *= 0.9
            self.m[k] += 0.1 * g_
            self.v[k] *= 0.999
            self.v[k] += 0.001 * g_ * g_
            w -= self.lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + 1e-8)
        return float(loss)
