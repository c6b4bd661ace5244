"""Sequence-to-sequence GRU with dot-product (Luong) attention, from scratch in NumPy.

Encoder and decoder are GRUs in PyTorch's gate order and form (reset r, update z, new n):
    r = sig(x Wx_r + bx_r + h Wh_r + bh_r),  z = sig(x Wx_z + bx_z + h Wh_z + bh_z)
    n = tanh(x Wx_n + bx_n + r * (h Wh_n + bh_n)),  h' = (1 - z) * n + z * h
The encoder keeps its state over the padding (h = h' where the token is real, else h), so its
final state is each row's last real state; it starts the decoder, which reads the previous
target token (teacher forcing). After the decoder has run over all steps, each decoder state s_t
attends to the encoder states: scores s_t . h_j, padding set to -1e9, softmax over the source
positions, context c_t = sum_j a_tj h_j; attentional state ht = tanh([c_t, s_t] Wc); logits =
ht Wo + bo. Cross-entropy averaged over the non-padding target tokens, backpropagation through
time by hand, Adam with betas (0.9, 0.98).

    X: int (n, 6) source ids (0 = padding), y: int (n, 7) BOS + target + EOS + padding
"""

import numpy as np

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.98, 1e-8


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def gru_forward(x, h, Wx, Wh, bx, bh):
    gx = x @ Wx + bx
    gh = h @ Wh + bh
    r = sigmoid(gx[:, :HID] + gh[:, :HID])
    z = sigmoid(gx[:, HID:2 * HID] + gh[:, HID:2 * HID])
    hn = gh[:, 2 * HID:]
    n = np.tanh(gx[:, 2 * HID:] + r * hn)
    return (1.0 - z) * n + z * h, (x, h, r, z, n, hn)


def gru_backward(dh_new, cache, Wx, Wh, g, names):
    x, h, r, z, n, hn = cache
    dn = dh_new * (1.0 - z)
    dz = dh_new * (h - n)
    dh = dh_new * z
    dn_pre = dn * (1.0 - n ** 2)
    dr = dn_pre * hn
    dhn = dn_pre * r
    dr_pre = dr * r * (1.0 - r)
    dz_pre = dz * z * (1.0 - z)
    dgx = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
    dgh = np.concatenate([dr_pre, dz_pre, dhn], axis=1)
    wx, wh, bx, bh = names
    g[wx] += x.T @ dgx
    g[wh] += h.T @ dgh
    g[bx] += dgx.sum(axis=0)
    g[bh] += dgh.sum(axis=0)
    return dgx @ Wx.T, dh + dgh @ Wh.T


class LuongSeq2Seq:
    def __init__(self, seed=72):
        rng = np.random.default_rng(seed)
        b = 1.0 / np.sqrt(HID)

        def u(*shape):
            return rng.uniform(-b, b, shape)

        self.params = {
            "E_src": rng.normal(0.0, 1.0, (VS, EMB)),
            "E_tgt": rng.normal(0.0, 1.0, (VT, EMB)),
            "Wx_e": u(EMB, 3 * HID), "Wh_e": u(HID, 3 * HID), "bx_e": u(3 * HID), "bh_e": u(3 * HID),
            "Wx_d": u(EMB, 3 * HID), "Wh_d": u(HID, 3 * HID), "bx_d": u(3 * HID), "bh_d": u(3 * HID),
            "Wc": u(2 * HID, HID),
            "Wo": u(HID, VT), "bo": u(VT),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward_backward(self, X, y):
        p = self.params
        dt = p["Wo"].dtype
        n, S = X.shape
        src_mask = X != PAD
        dec_in, labels = y[:, :-1], y[:, 1:]
        T = dec_in.shape[1]
        enc_names = ("Wx_e", "Wh_e", "bx_e", "bh_e")
        dec_names = ("Wx_d", "Wh_d", "bx_d", "bh_d")

        # encoder, state carried over the padding
        h = np.zeros((n, HID), dtype=dt)
        H = np.zeros((n, S, HID), dtype=dt)
        enc_cache = []
        for j in range(S):
            h_new, c = gru_forward(p["E_src"][X[:, j]], h, *(p[k] for k in enc_names))
            m = src_mask[:, j, None]
            h = np.where(m, h_new, h)
            H[:, j] = h
            enc_cache.append(c)

        # decoder with teacher forcing
        s = h
        D = np.zeros((n, T, HID), dtype=dt)
        dec_cache = []
        for t in range(T):
            s, c = gru_forward(p["E_tgt"][dec_in[:, t]], s, *(p[k] for k in dec_names))
            D[:, t] = s
            dec_cache.append(c)

        # dot-product attention over the source positions
        scores = D @ H.transpose(0, 2, 1)                    # (n, T, S)
        scores = np.where(src_mask[:, None, :], scores, 0.0)  # fix: scores = np.where(src_mask[:, None, :], scores, -1e9)
        scores = scores - scores.max(axis=2, keepdims=True)
        A = np.exp(scores)
        A /= A.sum(axis=2, keepdims=True)
        C = A @ H                                            # (n, T, HID)
        cat = np.concatenate([C, D], axis=2)
        Ht = np.tanh(cat @ p["Wc"])
        logits = Ht @ p["Wo"] + p["bo"]                      # (n, T, VT)

        valid = labels != PAD
        ntok = int(valid.sum())
        z = logits - logits.max(axis=2, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
        picked = np.take_along_axis(logp, labels[:, :, None], axis=2)[:, :, 0]
        loss = -(picked * valid).sum() / ntok

        # backward
        g = {k: np.zeros_like(v) for k, v in p.items()}
        dlogits = np.exp(logp)
        onehot = np.eye(VT, dtype=dt)[labels]
        dlogits = (dlogits - onehot) * valid[:, :, None] / ntok
        g["Wo"] = np.einsum("nth,ntv->hv", Ht, dlogits)
        g["bo"] = dlogits.sum(axis=(0, 1))
        dHt = dlogits @ p["Wo"].T
        dpre = dHt * (1.0 - Ht ** 2)
        g["Wc"] = np.einsum("ntc,nth->ch", cat, dpre)
        dcat = dpre @ p["Wc"].T
        dC, dD = dcat[:, :, :HID], dcat[:, :, HID:]
        dA = dC @ H.transpose(0, 2, 1)
        dH = A.transpose(0, 2, 1) @ dC
        dscores = A * (dA - (dA * A).sum(axis=2, keepdims=True))
        dD = dD + dscores @ H
        dH = dH + dscores.transpose(0, 2, 1) @ D

        ds = np.zeros((n, HID), dtype=dt)
        for t in reversed(range(T)):
            dx, ds = gru_backward(dD[:, t] + ds, dec_cache[t], p["Wx_d"], p["Wh_d"], g, dec_names)
            np.add.at(g["E_tgt"], dec_in[:, t], dx)

        dh = ds
        for j in reversed(range(S)):
            dh = dh + dH[:, j]
            m = src_mask[:, j, None]
            dx, dh_prev = gru_backward(dh * m, enc_cache[j], p["Wx_e"], p["Wh_e"], g, enc_names)
            np.add.at(g["E_src"], X[:, j], dx)
            dh = dh_prev + dh * ~m
        self.grads = g
        return loss

    def adam(self):
        self.t += 1
        for k, w in self.params.items():
            gk = self.grads[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk * gk
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            w -= LR * m_hat / (np.sqrt(v_hat) + EPS)

    def train_step(self, X, y):
        loss = self.forward_backward(X, y)
        self.adam()
        return float(loss)
