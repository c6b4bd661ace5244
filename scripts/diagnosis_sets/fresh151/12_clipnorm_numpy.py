"""A tanh-RNN encoder-decoder with additive (Bahdanau) attention, from scratch in NumPy.

    source X int64 (N, S), 0 = padding (right-padded); target y int64 (N, T), 0 = padding
    encoder:  h_s = tanh(E_src[x_s] @ Wxe + h_{s-1} @ Whe + be),  h_0 = 0
    bridge:   s_0 = h at the last real source position (length - 1)
    decoder (teacher forcing, input BOS then y[:, :-1]):
              s_t = tanh(E_tgt[yin_t] @ Wxd + s_{t-1} @ Whd + bd)
    attention (additive, padding masked):
              e_ts = tanh(s_t @ Wq + h_s @ Wk) @ va,  e_ts = -1e9 where x_s is padding
              alpha_t = softmax_s(e_t),  c_t = sum_s alpha_ts h_s
    output:   logits_t = [s_t, c_t] @ Wo + bo
    loss:     cross entropy averaged over the real (non-padding) target tokens

Training: gradients clipped by their global L2 norm (max 0.5), then Adam (lr 0.01, betas
0.9, 0.999, eps 1e-8, bias-corrected). Weights kept (in, out) in self.params.
"""

import numpy as np

PAD, BOS = 0, 1


class AttnSeq2Seq:
    def __init__(self, v_src=8, v_tgt=8, d=4, h=6, a=5, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.5, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(h)
        u = lambda *shape: rng.uniform(-k, k, shape)
        self.params = {
            "E_src": rng.normal(0, 0.5, (v_src, d)),
            "E_tgt": rng.normal(0, 0.5, (v_tgt, d)),
            "Wxe": u(d, h), "Whe": u(h, h), "be": u(h),
            "Wxd": u(d, h), "Whd": u(h, h), "bd": u(h),
            "Wq": u(h, a), "Wk": u(h, a), "va": u(a, 1),
            "Wo": u(2 * h, v_tgt), "bo": u(v_tgt),
        }
        self.grads = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.m = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.v = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.t = 0
        self.lr, (self.beta1, self.beta2), self.eps, self.max_norm = lr, betas, eps, max_norm

    # ------------------------------------------------------------------ forward
    def forward(self, X, y):
        p = self.params
        N, S = X.shape
        T = y.shape[1]
        src_mask = X != PAD
        lengths = src_mask.sum(axis=1)
        yin = np.concatenate([np.full((N, 1), BOS, dtype=y.dtype), y[:, :-1]], axis=1)

        xe = p["E_src"][X]                                   # (N, S, d)
        hs = [np.zeros((N, p["Whe"].shape[0]), dtype=p["Whe"].dtype)]
        for s in range(S):
            hs.append(np.tanh(xe[:, s] @ p["Wxe"] + hs[-1] @ p["Whe"] + p["be"]))
        enc = np.stack(hs[1:], axis=1)                       # (N, S, h)
        keys = enc @ p["Wk"]                                 # (N, S, a)

        xd = p["E_tgt"][yin]                                 # (N, T, d)
        ss = [enc[np.arange(N), lengths - 1]]                # s_0
        cache = []
        logits = []
        for t in range(T):
            s_t = np.tanh(xd[:, t] @ p["Wxd"] + ss[-1] @ p["Whd"] + p["bd"])
            ss.append(s_t)
            u = np.tanh((s_t @ p["Wq"])[:, None, :] + keys)  # (N, S, a)
            e = (u @ p["va"])[:, :, 0]                       # (N, S)
            e = np.where(src_mask, e, -1e9)
            e = e - e.max(axis=1, keepdims=True)
            alpha = np.exp(e)
            alpha /= alpha.sum(axis=1, keepdims=True)
            c = (alpha[:, :, None] * enc).sum(axis=1)        # (N, h)
            o = np.concatenate([s_t, c], axis=1)             # (N, 2h)
            logits.append(o @ p["Wo"] + p["bo"])
            cache.append((u, alpha, o))
        logits = np.stack(logits, axis=1)                    # (N, T, V)
        return logits, dict(X=X, yin=yin, lengths=lengths, xe=xe, hs=hs, enc=enc, xd=xd,
                            ss=ss, cache=cache)

    def loss(self, X, y):
        logits, _ = self.forward(X, y)
        z = logits - logits.max(axis=2, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
        mask = y != PAD
        picked = np.take_along_axis(logp, y[:, :, None], axis=2)[:, :, 0]
        return -(picked * mask).sum() / int(mask.sum())

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits, c = self.forward(X, y)
        N, S = X.shape
        T = y.shape[1]
        z = logits - logits.max(axis=2, keepdims=True)
        probs = np.exp(z)
        probs /= probs.sum(axis=2, keepdims=True)
        mask = y != PAD
        count = int(mask.sum())
        picked = np.take_along_axis(probs, y[:, :, None], axis=2)[:, :, 0]
        loss = -(np.log(picked) * mask).sum() / count

        dlogits = probs.copy()
        dlogits[np.arange(N)[:, None], np.arange(T)[None, :], y] -= 1
        dlogits *= mask[:, :, None] / count

        g = {n: np.zeros_like(w) for n, w in p.items()}
        enc, ss, xd = c["enc"], c["ss"], c["xd"]
        h = enc.shape[2]
        denc = np.zeros_like(enc)
        dkeys = np.zeros((N, S, p["Wk"].shape[1]), dtype=enc.dtype)
        dxd = np.zeros_like(xd)
        ds_next = np.zeros_like(ss[0])
        for t in reversed(range(T)):
            u, alpha, o = c["cache"][t]
            s_t = ss[t + 1]
            g["Wo"] += o.T @ dlogits[:, t]
            g["bo"] += dlogits[:, t].sum(axis=0)
            do = dlogits[:, t] @ p["Wo"].T
            ds = do[:, :h] + ds_next
            dctx = do[:, h:]
            # c = sum_s alpha_s h_s
            denc += alpha[:, :, None] * dctx[:, None, :]
            dalpha = (enc * dctx[:, None, :]).sum(axis=2)
            de = alpha * (dalpha - (alpha * dalpha).sum(axis=1, keepdims=True))
            # e = tanh(q + k) @ va
            g["va"] += (u * de[:, :, None]).sum(axis=(0, 1))[:, None]
            dpre = de[:, :, None] * p["va"][:, 0] * (1 - u ** 2)     # (N, S, a)
            dkeys += dpre
            dq = dpre.sum(axis=1)
            g["Wq"] += s_t.T @ dq
            ds += dq @ p["Wq"].T
            # s_t = tanh(xd_t Wxd + s_{t-1} Whd + bd)
            dz = ds * (1 - s_t ** 2)
            g["Wxd"] += xd[:, t].T @ dz
            g["Whd"] += ss[t].T @ dz
            g["bd"] += dz.sum(axis=0)
            dxd[:, t] = dz @ p["Wxd"].T
            ds_next = dz @ p["Whd"].T
        denc[np.arange(N), c["lengths"] - 1] += ds_next
        g["Wk"] += np.einsum("nsh,nsa->ha", enc, dkeys)
        denc += dkeys @ p["Wk"].T

        hs, xe = c["hs"], c["xe"]
        dxe = np.zeros_like(xe)
        dh_next = np.zeros_like(hs[0])
        for s in reversed(range(S)):
            dz = (denc[:, s] + dh_next) * (1 - hs[s + 1] ** 2)
            g["Wxe"] += xe[:, s].T @ dz
            g["Whe"] += hs[s].T @ dz
            g["be"] += dz.sum(axis=0)
            dxe[:, s] = dz @ p["Wxe"].T
            dh_next = dz @ p["Whe"].T
        np.add.at(g["E_src"], X, dxe)
        np.add.at(g["E_tgt"], c["yin"], dxd)
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip(self):
        total = sum(np.linalg.norm(gr) for gr in self.grads.values())
        coef = self.max_norm / (total + 1e-6)
        if coef < 1:
            for n in self.grads:
                self.grads[n] = self.grads[n] * coef
        self.grad_norm = float(total)

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for n, w in self.params.items():
            gr = self.grads[n]
            self.m[n] = b1 * self.m[n] + (1 - b1) * gr
            self.v[n] = b2 * self.v[n] + (1 - b2) * gr * gr
            m_hat = self.m[n] / (1 - b1 ** self.t)
            v_hat = self.v[n] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.adam()
        return float(loss)
