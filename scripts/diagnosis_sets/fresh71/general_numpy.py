"""Sequence-to-sequence model with a GRU encoder and bilinear ("general") attention, in NumPy.

Encoder: a GRU written gate by gate, one bias per gate:
    r = sig(x Wr + h Ur + br),  z = sig(x Wz + h Uz + bz),  n = tanh(x Wn + r * (h Un) + bn)
    h' = (1 - z) * n + z * h
run over every source position. The decoder's initial state is the mean of the encoder states
over each row's real (non-padding) positions. Decoder: a tanh RNN fed the previous target token
(teacher forcing), s_t = tanh(e_t Wxd + s_{t-1} Whd + bd). Attention: scores (s_t Wa) . h_j
scaled by 1/sqrt(HID), padding set to -1e9, softmax over the source positions, context
c_t = sum_j a_tj h_j; logits = [s_t, c_t] Wo + bo. Cross-entropy averaged over the non-padding
target tokens. Backpropagation through time by hand; gradients clipped by their global norm,
then SGD with momentum (velocity = MU * velocity + grad, as torch.optim.SGD).

    X: int (n, 6) source ids (0 = padding), y: int (n, 7) BOS + target + EOS + padding
"""

import numpy as np

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0
LR, MU, MAX_NORM = 0.3, 0.9, 0.2


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class GeneralSeq2Seq:
    def __init__(self, seed=73):
        rng = np.random.default_rng(seed)
        b = 1.0 / np.sqrt(HID)
        p = {"E_src": rng.normal(0.0, 1.0, (VS, EMB)), "E_tgt": rng.normal(0.0, 1.0, (VT, EMB))}
        for gate in "rzn":
            p["W" + gate] = rng.uniform(-b, b, (EMB, HID))
            p["U" + gate] = rng.uniform(-b, b, (HID, HID))
            p["b" + gate] = rng.uniform(-b, b, HID)
        p["Wxd"] = rng.uniform(-b, b, (EMB, HID))
        p["Whd"] = rng.uniform(-b, b, (HID, HID))
        p["bd"] = rng.uniform(-b, b, HID)
        p["Wa"] = rng.uniform(-b, b, (HID, HID))
        p["Wo"] = rng.uniform(-b, b, (2 * HID, VT))
        p["bo"] = rng.uniform(-b, b, VT)
        self.params = p
        self.velocity = {k: np.zeros_like(v) for k, v in p.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["Wo"].dtype
        n, S = X.shape
        rows = np.arange(n)
        src_mask = X != PAD
        lengths = src_mask.sum(axis=1).astype(dt)
        dec_in, labels = y[:, :-1], y[:, 1:]
        T = dec_in.shape[1]
        scale = HID ** -0.5

        # ---------------------------------------------------------------- encoder
        xs = p["E_src"][X]
        hs = [np.zeros((n, HID), dtype=dt)]
        gates = []
        for j in range(S):
            h = hs[-1]
            r = sigmoid(xs[:, j] @ p["Wr"] + h @ p["Ur"] + p["br"])
            z = sigmoid(xs[:, j] @ p["Wz"] + h @ p["Uz"] + p["bz"])
            uh = h @ p["Un"]
            nn_ = np.tanh(xs[:, j] @ p["Wn"] + r * uh + p["bn"])
            hs.append((1.0 - z) * nn_ + z * h)
            gates.append((r, z, nn_, uh))
        H = np.stack(hs[1:], axis=1)                          # (n, S, HID)
        m = src_mask[:, :, None].astype(dt)
        s = (H * m).sum(axis=1) / lengths[:, None]

        # ---------------------------------------------------------------- decoder
        es = p["E_tgt"][dec_in]
        valid = labels != PAD
        ntok = int(valid.sum())
        ss, atts, cats, dlogits = [s], [], [], []
        loss = 0.0
        for t in range(T):
            s = np.tanh(es[:, t] @ p["Wxd"] + s @ p["Whd"] + p["bd"])
            q = s @ p["Wa"]
            e = np.einsum("nsh,nh->ns", H, q) * scale
            e = np.where(src_mask, e, -1e9)
            e = e - e.max(axis=1, keepdims=True)
            a = np.exp(e)
            a /= a.sum(axis=1, keepdims=True)
            ctx = np.einsum("ns,nsh->nh", a, H)
            cat = np.concatenate([s, ctx], axis=1)
            logits = cat @ p["Wo"] + p["bo"]
            zl = logits - logits.max(axis=1, keepdims=True)
            prob = np.exp(zl)
            prob /= prob.sum(axis=1, keepdims=True)
            lab = labels[:, t]
            loss -= np.log(prob[rows, lab])[valid[:, t]].sum() / ntok
            d = prob.copy()
            d[rows, lab] -= 1.0
            d = d * valid[:, t, None] / ntok
            ss.append(s)
            atts.append(a)
            cats.append(cat)
            dlogits.append(d)

        # --------------------------------------------------------------- backward
        g = {k: np.zeros_like(v) for k, v in p.items()}
        dH = np.zeros_like(H)
        ds_next = np.zeros((n, HID), dtype=dt)
        for t in reversed(range(T)):
            s, s_prev, a, cat, d = ss[t + 1], ss[t], atts[t], cats[t], dlogits[t]
            g["Wo"] += cat.T @ d
            g["bo"] += d.sum(axis=0)
            dcat = d @ p["Wo"].T
            ds = dcat[:, :HID] + ds_next
            dctx = dcat[:, HID:]
            dH += a[:, :, None] * dctx[:, None, :]
            da = np.einsum("nsh,nh->ns", H, dctx)
            de = a * (da - (a * da).sum(axis=1, keepdims=True)) * scale
            q = s @ p["Wa"]
            dH += de[:, :, None] * q[:, None, :]
            dq = np.einsum("ns,nsh->nh", de, H)
            g["Wa"] += s.T @ dq
            ds += dq @ p["Wa"].T
            dpre = ds * (1.0 - s ** 2)
            g["Wxd"] += es[:, t].T @ dpre
            g["Whd"] += s_prev.T @ dpre
            g["bd"] += dpre.sum(axis=0)
            np.add.at(g["E_tgt"], dec_in[:, t], dpre @ p["Wxd"].T)
            ds_next = dpre @ p["Whd"].T
        dH += (ds_next / lengths[:, None])[:, None, :] * m

        dh = np.zeros((n, HID), dtype=dt)
        for j in reversed(range(S)):
            r, z, nn_, uh = gates[j]
            h_prev = hs[j]
            x = xs[:, j]
            dh = dh + dH[:, j]
            dn = dh * (1.0 - z) * (1.0 - nn_ ** 2)
            dz = dh * (h_prev - nn_) * z * (1.0 - z)
            dr = dn * uh * r * (1.0 - r)
            duh = dn * r
            for gate, dgate in (("r", dr), ("z", dz), ("n", dn)):
                g["W" + gate] += x.T @ dgate
                g["b" + gate] += dgate.sum(axis=0)
            g["Ur"] += h_prev.T @ dr
            g["Uz"] += h_prev.T @ dz
            g["Un"] += h_prev.T @ duh
            dx = dr @ p["Wr"].T + dz @ p["Wz"].T + dn @ p["Wn"].T
            np.add.at(g["E_src"], X[:, j], dx)
            dh = dh * z + dr @ p["Ur"].T + dz @ p["Uz"].T + duh @ p["Un"].T

        # ------------------------------------------- clip, then SGD with momentum
        norm = sum(float((gk * gk).sum()) for gk in g.values()) ** 0.5
        clip = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * clip
        self.grads = g
        for k, w in p.items():
            self.velocity[k] = MU * self.velocity[k] + g[k]
            w -= LR * self.velocity[k]
        return float(loss)
