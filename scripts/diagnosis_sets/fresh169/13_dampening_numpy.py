"""A bidirectional Elman RNN tagger, from scratch in NumPy, trained by BPTT.

    forward direction   hf_t = tanh(x_t @ Wx_f + bx_f + hf_{t-1} @ Wh_f + bh_f),  hf_{-1} = 0
    backward direction  hb_t = tanh(x_t @ Wx_b + bx_b + hb_{t+1} @ Wh_b + bh_b),  hb_T = 0
    logits_t = [hf_t, hb_t] @ Why + by
    loss = mean over the real (unpadded) tokens of the softmax cross-entropy

Padded positions carry the tag -1: they run through both recurrences (as an unpacked
nn.RNN does) but are masked out of the loss. Two biases per direction, as nn.RNN keeps them.
SGD with heavy-ball momentum as torch.optim.SGD: v = mu v + g, p -= lr v.

    X: float (N, T, D), y: int (N, T), -1 = padding.
"""

import numpy as np


class BiRNNTagger:
    def __init__(self, n_in=6, hidden=12, n_tags=5, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        u = lambda *shape: rng.uniform(-k, k, shape)
        self.params = {}
        for d in ("f", "b"):
            self.params["Wx_" + d] = u(n_in, hidden)
            self.params["Wh_" + d] = u(hidden, hidden)
            self.params["bx_" + d] = u(hidden)
            self.params["bh_" + d] = u(hidden)
        self.params["Why"] = u(2 * hidden, n_tags)
        self.params["by"] = u(n_tags)
        self.hidden = hidden
        self.n_tags = n_tags
        self.lr = lr
        self.momentum = momentum
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.grads = {}

    # ------------------------------------------------------------------ forward
    def _run(self, X, d):
        """Hidden states of direction d, stored by position: hs[:, t] is h at position t.
        hs has T + 1 slots; the extra one (index T, which index -1 also reaches) is the zero state."""
        p = self.params
        N, T, _ = X.shape
        hs = np.zeros((N, T + 1, self.hidden), dtype=X.dtype)
        order = range(T) if d == "f" else reversed(range(T))
        for t in order:
            prev = hs[:, t - 1] if d == "f" else hs[:, t + 1]
            hs[:, t] = np.tanh(X[:, t] @ p["Wx_" + d] + p["bx_" + d] + prev @ p["Wh_" + d] + p["bh_" + d])
        return hs

    def forward(self, X):
        X = np.asarray(X, dtype=self.params["Why"].dtype)
        hf = self._run(X, "f")
        hb = self._run(X, "b")
        H = np.concatenate([hf[:, :-1], hb[:, :-1]], axis=2)      # (N, T, 2H)
        logits = H @ self.params["Why"] + self.params["by"]
        return logits, (X, hf, hb, H)

    def _softmax(self, logits):
        z = logits - logits.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def loss(self, X, y):
        logits, _ = self.forward(X)
        y = np.asarray(y)
        mask = y >= 0
        probs = self._softmax(logits)
        picked = np.take_along_axis(probs, np.where(mask, y, 0)[..., None], axis=-1)[..., 0]
        return -np.log(picked[mask]).sum() / int(mask.sum())

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits, (X, hf, hb, H) = self.forward(X)
        y = np.asarray(y)
        N, T, _ = X.shape
        mask = y >= 0
        n_tok = int(mask.sum())
        probs = self._softmax(logits)
        safe_y = np.where(mask, y, 0)
        picked = np.take_along_axis(probs, safe_y[..., None], axis=-1)[..., 0]
        loss = -np.log(picked[mask]).sum() / n_tok

        dlogits = probs.copy()
        np.put_along_axis(dlogits, safe_y[..., None], picked[..., None] - 1, axis=-1)
        dlogits *= mask[..., None]
        dlogits /= n_tok

        g = {}
        g["Why"] = H.reshape(N * T, -1).T @ dlogits.reshape(N * T, -1)
        g["by"] = dlogits.sum(axis=(0, 1))
        dH = dlogits @ p["Why"].T
        h = self.hidden
        dHf, dHb = dH[:, :, :h], dH[:, :, h:]

        # forward direction: back from t = T-1 to 0
        for name in ("Wx_f", "Wh_f", "bx_f", "bh_f", "Wx_b", "Wh_b", "bx_b", "bh_b"):
            g[name] = np.zeros_like(p[name])
        dnext = np.zeros((N, h), dtype=X.dtype)
        for t in reversed(range(T)):
            dh = dHf[:, t] + dnext
            dpre = dh * (1 - hf[:, t] ** 2)
            g["Wx_f"] += X[:, t].T @ dpre
            g["Wh_f"] += hf[:, t - 1].T @ dpre          # hf[:, -1] is the zero state
            g["bx_f"] += dpre.sum(axis=0)
            g["bh_f"] += dpre.sum(axis=0)
            dnext = dpre @ p["Wh_f"].T

        # backward direction: it ran from T-1 down to 0, so its BPTT goes from 0 up to T-1
        dnext = np.zeros((N, h), dtype=X.dtype)
        for t in range(T):
            dh = dHb[:, t] + dnext
            dpre = dh * (1 - hb[:, t] ** 2)
            g["Wx_b"] += X[:, t].T @ dpre
            g["Wh_b"] += hb[:, t + 1].T @ dpre
            g["bx_b"] += dpre.sum(axis=0)
            g["bh_b"] += dpre.sum(axis=0)
            dnext = dpre @ p["Wh_b"].T
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def step(self):
        for name, param in self.params.items():
            v = self.velocity[name]
            v *= self.momentum
            v += (1 - self.momentum) * self.grads[name]
            param -= self.lr * v

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
