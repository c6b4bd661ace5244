"""Sequence-to-sequence model with additive (Bahdanau) attention, from scratch in NumPy.

Encoder: a tanh RNN over the embedded source tokens, h_j = tanh(x_j Wxe + h_{j-1} Whe + be).
Decoder: a tanh RNN started from the encoder state at each row's last real source token, fed
the previous target token (teacher forcing), s_t = tanh(e_t Wxd + s_{t-1} Whd + bd).
Attention after each decoder step: e_tj = va . tanh(s_t Wq + h_j Wk), padding positions set
to -1e9 before the softmax over the source positions, context c_t = sum_j a_tj h_j.
Output: logits = [s_t, c_t] Wo + bo. Loss: cross-entropy averaged over the non-padding target
tokens. Backpropagation through time written out, gradients clipped by their global norm
(as torch.nn.utils.clip_grad_norm_), plain SGD.

    X: int (n, 6) source ids (0 = padding), y: int (n, 7) BOS + target + EOS + padding
"""

import numpy as np

VS, VT, EMB, HID, ATT = 10, 12, 6, 8, 7
PAD = 0
LR, MAX_NORM = 1.0, 0.2


class AdditiveSeq2Seq:
    def __init__(self, seed=71):
        rng = np.random.default_rng(seed)

        def u(*shape, fan):
            b = 1.0 / np.sqrt(fan)
            return rng.uniform(-b, b, shape)

        self.params = {
            "E_src": rng.normal(0.0, 1.0, (VS, EMB)),
            "E_tgt": rng.normal(0.0, 1.0, (VT, EMB)),
            "Wxe": u(EMB, HID, fan=EMB), "Whe": u(HID, HID, fan=HID), "be": u(HID, fan=EMB),
            "Wxd": u(EMB, HID, fan=EMB), "Whd": u(HID, HID, fan=HID), "bd": u(HID, fan=EMB),
            "Wq": u(HID, ATT, fan=HID), "Wk": u(HID, ATT, fan=HID), "va": u(ATT, 1, fan=ATT),
            "Wo": u(2 * HID, VT, fan=2 * HID), "bo": u(VT, fan=2 * HID),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["Wo"].dtype
        n, S = X.shape
        src_mask = X != PAD
        lengths = src_mask.sum(axis=1)
        dec_in, labels = y[:, :-1], y[:, 1:]
        T = dec_in.shape[1]

        # ---------------------------------------------------------------- encoder
        xs = p["E_src"][X]                                   # (n, S, EMB)
        H = np.zeros((n, S, HID), dtype=dt)
        h = np.zeros((n, HID), dtype=dt)
        for j in range(S):
            h = np.tanh(xs[:, j] @ p["Wxe"] + h @ p["Whe"] + p["be"])
            H[:, j] = h
        K = H @ p["Wk"]                                      # (n, S, ATT)

        # ---------------------------------------------------------------- decoder
        rows = np.arange(n)
        s = H[rows, lengths - 1]
        es = p["E_tgt"][dec_in]                              # (n, T, EMB)
        cache = []
        loss_sum = 0.0
        valid = labels != PAD
        ntok = valid.sum()
        dlogits = []
        for t in range(T):
            s_prev = s
            s = np.tanh(es[:, t] @ p["Wxd"] + s_prev @ p["Whd"] + p["bd"])
            q = s @ p["Wq"]
            U = np.tanh(K + q[:, None, :])                   # (n, S, ATT)
            e = (U @ p["va"])[:, :, 0]
            e = np.where(src_mask, e, -1e9)
            e = e - e.max(axis=1, keepdims=True)
            a = np.exp(e)
            a /= a.sum(axis=1, keepdims=True)
            ctx = np.einsum("ns,nsh->nh", a, H)
            cat = np.concatenate([s, ctx], axis=1)
            logits = cat @ p["Wo"] + p["bo"]
            z = logits - logits.max(axis=1, keepdims=True)
            logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
            loss_sum = loss_sum - logp[rows, labels[:, t]][valid[:, t]].sum()
            d = np.exp(logp)
            d[rows, labels[:, t]] -= 1.0
            d *= valid[:, t, None] / ntok
            dlogits.append(d)
            cache.append((s_prev, s, U, a, cat))
        loss = loss_sum / ntok

        # --------------------------------------------------------------- backward
        g = {k: np.zeros_like(v) for k, v in p.items()}
        dH = np.zeros_like(H)
        dK = np.zeros_like(K)
        ds_next = np.zeros((n, HID), dtype=dt)
        for t in reversed(range(T)):
            s_prev, s, U, a, cat = cache[t]
            d = dlogits[t]
            g["Wo"] += cat.T @ d
            g["bo"] += d.sum(axis=0)
            dcat = d @ p["Wo"].T
            ds = dcat[:, :HID] + ds_next
            dctx = dcat[:, HID:]
            da = np.einsum("nsh,nh->ns", H, dctx)
            dH += a[:, :, None] * dctx[:, None, :]
            de = a * (da - (a * da).sum(axis=1, keepdims=True))
            g["va"] += np.einsum("nsa,ns->a", U, de)[:, None]
            dU = de[:, :, None] * p["va"][:, 0]
            dpre = dU * (1.0 - U ** 2)
            dK += dpre
            dq = dpre.sum(axis=1)
            g["Wq"] += s.T @ dq
            ds = ds + dq @ p["Wq"].T
            dz = ds * (1.0 - s ** 2)
            g["Wxd"] += es[:, t].T @ dz
            g["Whd"] += s_prev.T @ dz
            g["bd"] += dz.sum(axis=0)
            np.add.at(g["E_tgt"], dec_in[:, t], dz @ p["Wxd"].T)
            ds_next = dz @ p["Whd"].T
        dH[rows, lengths - 1] += ds_next

        g["Wk"] += np.einsum("nsh,nsa->ha", H, dK)
        dH += dK @ p["Wk"].T
        dh_next = np.zeros((n, HID), dtype=dt)
        for j in reversed(range(S)):
            h = H[:, j]
            h_prev = H[:, j - 1] if j > 0 else np.zeros_like(h)
            dz = (dH[:, j] + dh_next) * (1.0 - h ** 2)
            g["Wxe"] += xs[:, j].T @ dz
            g["Whe"] += h_prev.T @ dz
            g["be"] += dz.sum(axis=0)
            np.add.at(g["E_src"], X[:, j], dz @ p["Wxe"].T)
            dh_next = dz @ p["Whe"].T

        # ------------------------------------------------------ clip and update
        total = np.sqrt(sum((gk ** 2).sum() for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
