"""LSTM sequence classifier over padded sequences, by hand in NumPy.

    X (N, T, D + 1): features, then the valid-step indicator; lengths = X[:, :, -1].sum(1)
    gates z_t = x_t @ Wx + h_{t-1} @ Wh + bx + bh   (4H, order i, f, g, o as torch.nn.LSTM)
    c_t = f * c_{t-1} + i * g,  h_t = o * tanh(c_t),  h_0 = c_0 = 0
    logits = h_{len-1} @ Wy + by   (the last VALID hidden state of each row)
    loss = mean over rows of softmax cross-entropy

Full BPTT over all T steps (padded steps after a row's end get no gradient), gradients
clipped by their global L2 norm (as torch.nn.utils.clip_grad_norm_), then Adam
(bias-corrected, as torch.optim.Adam). Two biases bx, bh are kept, like nn.LSTM's
bias_ih_l0 and bias_hh_l0, so that weights can be swapped with a torch checkpoint.
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMLast:
    def __init__(self, n_in=4, hidden=8, n_classes=3, lr=0.01, beta1=0.9, beta2=0.999,
                 eps=1e-8, max_norm=0.1, seed=0):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / math.sqrt(H)
        self.H = H
        self.params = {
            "Wx": rng.uniform(-k, k, (n_in, 4 * H)),
            "Wh": rng.uniform(-k, k, (H, 4 * H)),
            "bx": rng.uniform(-k, k, 4 * H),
            "bh": rng.uniform(-k, k, 4 * H),
            "Wy": rng.uniform(-k, k, (H, n_classes)),
            "by": rng.uniform(-k, k, n_classes),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.max_norm = max_norm

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        P, H = self.params, self.H
        feats = X[:, :, :-1]
        lengths = X[:, :, -1].sum(axis=1).astype(np.int64)
        N, T, _ = feats.shape
        h = np.zeros((N, H), dtype=feats.dtype)
        c = np.zeros((N, H), dtype=feats.dtype)
        cache = []
        hs = []
        for t in range(T):
            z = feats[:, t] @ P["Wx"] + h @ P["Wh"] + P["bx"] + P["bh"]
            i = sigmoid(z[:, :H])
            f = sigmoid(z[:, H:2 * H])
            g = np.tanh(z[:, 2 * H:3 * H])
            o = sigmoid(z[:, 3 * H:])
            c_new = f * c + i * g
            tc = np.tanh(c_new)
            h_new = o * tc
            cache.append((h, c, i, f, g, o, tc))
            h, c = h_new, c_new
            hs.append(h)
        hs = np.stack(hs, axis=1)                       # (N, T, H)
        last = hs[np.arange(N), lengths - 1]            # (N, H)
        logits = last @ P["Wy"] + P["by"]
        self.cache = (feats, lengths, cache, last)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        P, H = self.params, self.H
        logits = self.forward(X)
        feats, lengths, cache, last = self.cache
        N, T, _ = feats.shape
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        grads = {name: np.zeros_like(p) for name, p in P.items()}
        grads["Wy"] = last.T @ dlogits
        grads["by"] = dlogits.sum(axis=0)
        dlast = dlogits @ P["Wy"].T

        dh_next = np.zeros((N, H), dtype=feats.dtype)
        dc_next = np.zeros((N, H), dtype=feats.dtype)
        db = np.zeros(4 * H, dtype=feats.dtype)
        for t in reversed(range(T)):
            h_prev, c_prev, i, f, g, o, tc = cache[t]
            dh = dh_next.copy()
            ends = lengths - 1 == t
            dh[ends] += dlast[ends]
            do = dh * tc
            dc = dc_next + dh * o * (1 - tc ** 2)
            di = dc * g
            df = dc * c_prev
            dg = dc * i
            dz = np.concatenate([di * i * (1 - i), df * f * (1 - f),
                                 dg * (1 - g ** 2), do * o * (1 - o)], axis=1)
            grads["Wx"] += feats[:, t].T @ dz
            grads["Wh"] += h_prev.T @ dz
            db += dz.sum(axis=0)
            dh_next = dz @ P["Wh"].T
            dc_next = dc * f
        grads["bx"] = db
        grads["bh"] = db.copy()
        self.grads = grads
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_grads(self):
        total = 0.0
        for name, g in self.grads.items():
            norm = math.sqrt(float((g * g).sum()))
            total += norm * norm
            coef = self.max_norm / (norm + 1e-6)
            if coef < 1.0:
                self.grads[name] = g * coef
        return math.sqrt(total)

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for name, p in self.params.items():
            g = self.grads[name]
            self.m[name] = b1 * self.m[name] + (1 - b1) * g
            self.v[name] = b2 * self.v[name] + (1 - b2) * g * g
            m_hat = self.m[name] / bc1
            v_hat = self.v[name] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_grads()
        self.adam()
        return float(loss)
