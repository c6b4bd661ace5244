"""A character-level GRU language model with tied input/output embeddings, in NumPy.

The cell is written the way one writes it on paper, weights kept (in, out) so that a row of
activations multiplies them on the left; the input projection of the three gates is one
matrix, the hidden projection is split into the reset/update part and the candidate part:

    a_t        = e_t @ Wx + bx                            (N, 3H), columns r | z | n
    r_t, z_t   = sigmoid(a_r + h_{t-1} @ Wrz[:, :H]), sigmoid(a_z + h_{t-1} @ Wrz[:, H:])
    n_t        = tanh(a_n + r_t * (h_{t-1} @ Wn + bhn))
    h_t        = (1 - z_t) * n_t + z_t * h_{t-1}          h_0 = 0 for every window
    logits_t   = h_t @ emb.T + b_out                      (the embedding table is the output layer)
    loss       = mean softmax cross-entropy over the N*T positions

Full BPTT, clipping by global norm (clip_grad_norm_'s formula), Adam.

Parameters (attributes): emb (V, H), Wx (H, 3H), bx (3H,), Wrz (H, 2H), Wn (H, H),
bhn (H,), b_out (V,). Gradients in self.grads, Adam moments in self.m, self.v (keyed alike).
"""

import math

import numpy as np

NAMES = ("emb", "Wx", "bx", "Wrz", "Wn", "bhn", "b_out")


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class TiedGRU:
    def __init__(self, vocab=16, hidden=12, lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.35, seed=1):
        rng = np.random.default_rng(seed)
        H = self.H = hidden
        self.V = vocab
        k = 1.0 / math.sqrt(hidden)
        self.emb = rng.normal(0.0, 0.5, (vocab, H))
        self.Wx = rng.uniform(-k, k, (H, 3 * H))
        self.bx = rng.uniform(-k, k, 3 * H)
        self.Wrz = rng.uniform(-k, k, (H, 2 * H))
        self.Wn = rng.uniform(-k, k, (H, H))
        self.bhn = rng.uniform(-k, k, H)
        self.b_out = np.zeros(vocab)
        self.lr, self.betas, self.eps, self.max_norm = lr, betas, eps, max_norm
        self.grads = {k_: np.zeros_like(getattr(self, k_)) for k_ in NAMES}
        self.m = {k_: np.zeros_like(getattr(self, k_)) for k_ in NAMES}
        self.v = {k_: np.zeros_like(getattr(self, k_)) for k_ in NAMES}
        self.step_count = 0

    def _run(self, X):
        H = self.H
        N, T = X.shape
        e = self.emb[X]
        h = np.zeros((N, H), dtype=self.emb.dtype)
        states, gates = [h], []
        for t in range(T):
            a = e[:, t] @ self.Wx + self.bx
            hrz = h @ self.Wrz
            r = sigmoid(a[:, :H] + hrz[:, :H])
            z = sigmoid(a[:, H:2 * H] + hrz[:, H:])
            hn = h @ self.Wn + self.bhn
            n = np.tanh(a[:, 2 * H:] + r * hn)
            h = (1 - z) * n + z * h
            states.append(h)
            gates.append((r, z, n, hn))
        hseq = np.stack(states[1:], axis=1)               # (N, T, H)
        logits = hseq @ self.emb.T + self.b_out
        return logits, e, states, gates, hseq

    def loss(self, X, y):
        logits = self._run(X)[0]
        logits = logits - logits.max(axis=-1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
        return -np.take_along_axis(logp, y[..., None], axis=-1).mean()

    def backward(self, X, y):
        H, V = self.H, self.V
        N, T = X.shape
        logits, e, states, gates, hseq = self._run(X)
        logits = logits - logits.max(axis=-1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
        loss = -np.take_along_axis(logp, y[..., None], axis=-1).mean()

        onehot = (np.arange(V) == y[..., None]).astype(logp.dtype)
        dlogits = (np.exp(logp) - onehot) / (N * T)

        d_emb = np.zeros_like(self.emb)
        d_bout = dlogits.sum(axis=(0, 1))
        dhseq = dlogits @ self.emb
        dWx = np.zeros_like(self.Wx); dbx = np.zeros_like(self.bx)
        dWrz = np.zeros_like(self.Wrz); dWn = np.zeros_like(self.Wn); dbhn = np.zeros_like(self.bhn)
        de = np.zeros_like(e)
        carry = np.zeros((N, H), dtype=hseq.dtype)
        for t in range(T - 1, -1, -1):
            r, z, n, hn = gates[t]
            hp = states[t]
            dh = dhseq[:, t] + carry
            dn_pre = dh * (1 - z) * (1 - n * n)
            dz_pre = dh * (hp - n) * z * (1 - z)
            dhn = dn_pre * r
            dr_pre = dn_pre * hn * r * (1 - r)
            da = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
            drz = np.concatenate([dr_pre, dz_pre], axis=1)
            dWx += e[:, t].T @ da
            dbx += da.sum(axis=0)
            dWrz += hp.T @ drz
            dWn += hp.T @ dhn
            dbhn += dhn.sum(axis=0)
            de[:, t] = da @ self.Wx.T
            carry = dh * z + drz @ self.Wrz.T + dhn @ self.Wn.T
        np.add.at(d_emb, X, de)                                      # input side of the tie
        self.grads = {"emb": d_emb, "Wx": dWx, "bx": dbx, "Wrz": dWrz, "Wn": dWn,
                      "bhn": dbhn, "b_out": d_bout}
        return loss

    def clip(self):
        norm = math.sqrt(sum(float((g ** 2).sum()) for g in self.grads.values()))
        scale = min(1.0, self.max_norm / (norm + 1e-6))
        for k_ in NAMES:
            self.grads[k_] = self.grads[k_] * scale
        return norm

    def step(self):
        b1, b2 = self.betas
        self.step_count += 1
        c1 = 1 - b1 ** self.step_count
        c2 = 1 - b2 ** self.step_count
        for k_ in NAMES:
            g = self.grads[k_]
            self.m[k_] = b1 * self.m[k_] + (1 - b1) * g
            self.v[k_] = b2 * self.v[k_] + (1 - b2) * g * g
            w = getattr(self, k_)
            w -= (self.lr / c1) * self.m[k_] / (np.sqrt(self.v[k_]) / math.sqrt(c2) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.step()
        return float(loss)
