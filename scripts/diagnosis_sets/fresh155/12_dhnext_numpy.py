"""LSTM tagger (many-to-many), from scratch in NumPy in the min-char-rnn / lstm.py style.

One weight matrix WLSTM (1 + D + H, 4H) whose first row is the bias; each step stacks
[1, x_t, h_{t-1}] and multiplies once. Gate order i, f, o, g (IFOG): sigmoid on the
first 3H columns, tanh on the last H. The forget-gate bias WLSTM[0, H:2H] starts at 1.

    IFOG = [1, x_t, h_{t-1}] @ WLSTM
    c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)
    logits_t = h_t @ Wy + by
    loss = sum over the real steps (mask from the zero padding) of softmax cross-entropy,
           divided by the number of sequences N

Steps past a sequence's length are computed but take no part in the loss or its gradient.
Gradients are clipped by their global L2 norm (max_norm 1.0, coefficient
max_norm / (norm + 1e-6), as clip_grad_norm_), then RMSprop with alpha 0.9, eps 1e-8
(outside the square root, as torch.optim.RMSprop), lr 0.01.

Parameters are attributes: WLSTM, Wy (H, K), by (K,). Gradients self.grads and the RMSprop
cache self.cache are dicts keyed by those names.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMTagger:
    def __init__(self, n_in=4, hidden=4, n_tags=3, lr=0.01, alpha=0.9, eps=1e-8, max_norm=1.0,
                 seed=1):
        rng = np.random.default_rng(seed)
        D, H = n_in, hidden
        self.D, self.H = D, H
        self.WLSTM = rng.standard_normal((1 + D + H, 4 * H)) / np.sqrt(D + H)
        self.WLSTM[0, :] = 0.0
        self.WLSTM[0, H:2 * H] = 1.0                 # forget-gate bias
        self.Wy = rng.standard_normal((H, n_tags)) / np.sqrt(H)
        self.by = np.zeros(n_tags)
        self.names = ("WLSTM", "Wy", "by")
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr, self.alpha, self.eps, self.max_norm = lr, alpha, eps, max_norm

    def forward(self, X):
        N, T, D = X.shape
        H = self.H
        Hin = np.zeros((T, N, 1 + D + H), dtype=X.dtype)
        IFOG = np.zeros((T, N, 4 * H), dtype=X.dtype)
        C = np.zeros((T, N, H), dtype=X.dtype)
        Ct = np.zeros((T, N, H), dtype=X.dtype)
        Hout = np.zeros((T, N, H), dtype=X.dtype)
        h_prev = np.zeros((N, H), dtype=X.dtype)
        c_prev = np.zeros((N, H), dtype=X.dtype)
        for t in range(T):
            Hin[t, :, 0] = 1
            Hin[t, :, 1:1 + D] = X[:, t]
            Hin[t, :, 1 + D:] = h_prev
            a = Hin[t] @ self.WLSTM
            IFOG[t, :, :3 * H] = sigmoid(a[:, :3 * H])
            IFOG[t, :, 3 * H:] = np.tanh(a[:, 3 * H:])
            i, f = IFOG[t, :, :H], IFOG[t, :, H:2 * H]
            o, g = IFOG[t, :, 2 * H:3 * H], IFOG[t, :, 3 * H:]
            C[t] = i * g + f * c_prev
            Ct[t] = np.tanh(C[t])
            Hout[t] = o * Ct[t]
            h_prev, c_prev = Hout[t], C[t]
        logits = Hout @ self.Wy + self.by                # (T, N, K)
        return logits, (Hin, IFOG, C, Ct, Hout)

    def _probs(self, logits):
        z = logits - logits.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def loss(self, X, y):
        logits = self.forward(X)[0]
        mask = np.any(X != 0, axis=2).T                   # (T, N)
        probs = self._probs(logits)
        T, N = mask.shape
        p_true = np.take_along_axis(probs, y.T[:, :, None], axis=2)[:, :, 0]
        return -(np.log(p_true) * mask).sum() / N

    def backward(self, X, y):
        N, T, D = X.shape
        H = self.H
        logits, (Hin, IFOG, C, Ct, Hout) = self.forward(X)
        mask = np.any(X != 0, axis=2).T.astype(X.dtype)  # (T, N)
        yt = y.T                                          # (T, N)
        probs = self._probs(logits)
        tt, nn_ = np.meshgrid(np.arange(T), np.arange(N), indexing="ij")
        loss = -(np.log(probs[tt, nn_, yt]) * mask).sum() / N

        dlogits = probs.copy()
        dlogits[tt, nn_, yt] -= 1
        dlogits *= mask[:, :, None] / N

        dWy = np.einsum("tnh,tnk->hk", Hout, dlogits)
        dby = dlogits.sum(axis=(0, 1))
        dWLSTM = np.zeros_like(self.WLSTM)
        dh_next = np.zeros((N, H), dtype=X.dtype)
        dc_next = np.zeros((N, H), dtype=X.dtype)
        for t in reversed(range(T)):
            i, f = IFOG[t, :, :H], IFOG[t, :, H:2 * H]
            o, g = IFOG[t, :, 2 * H:3 * H], IFOG[t, :, 3 * H:]
            c_prev = C[t - 1] if t > 0 else np.zeros_like(C[0])
            dh = dlogits[t] @ self.Wy.T
            do = dh * Ct[t]
            dc = dh * o * (1 - Ct[t] ** 2) + dc_next
            di = dc * g
            df = dc * c_prev
            dg = dc * i
            dc_next = dc * f
            da = np.concatenate([di * i * (1 - i), df * f * (1 - f),
                                 do * o * (1 - o), dg * (1 - g ** 2)], axis=1)
            dWLSTM += Hin[t].T @ da
            dHin = da @ self.WLSTM.T
            dh_next = dHin[:, 1 + D:]
        self.grads = {"WLSTM": dWLSTM, "Wy": dWy, "by": dby}
        return loss

    def clip(self):
        norm = np.sqrt(sum((g * g).sum() for g in self.grads.values()))
        scale = self.max_norm / (norm + 1e-6)
        if scale < 1:
            for k in self.grads:
                self.grads[k] *= scale
        return norm

    def rmsprop(self):
        for k in self.names:
            g = self.grads[k]
            self.cache[k] = self.alpha * self.cache[k] + (1 - self.alpha) * g * g
            p = getattr(self, k)
            p -= self.lr * g / (np.sqrt(self.cache[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.grad_norm = self.clip()
        self.rmsprop()
        return float(loss)
