"""The additive-attention seq2seq of additive_numpy.py written another way: weights as attributes,
embedding lookups as one-hot matrix products (their gradients onehot^T @ d), the whole forward
pass kept in arrays indexed by time, the loss through a log-sum-exp, np.einsum throughout and the
global gradient norm from np.linalg.norm of the flattened gradients.

    X: int (n, 6) source ids (0 = padding), y: int (n, 7) BOS + target + EOS + padding
"""

import numpy as np

VS, VT, EMB, HID, ATT = 10, 12, 6, 8, 7
LR, MAX_NORM = 1.0, 0.2
NAMES = ("E_src", "E_tgt", "Wxe", "Whe", "be", "Wxd", "Whd", "bd", "Wq", "Wk", "va", "Wo", "bo")


class AdditiveAttention:
    def __init__(self, seed=71):
        rng = np.random.default_rng(seed)

        def u(*shape, fan):
            b = 1.0 / np.sqrt(fan)
            return rng.uniform(-b, b, shape)

        # drawn in the order of additive_numpy.py, so both start alike
        self.E_src = rng.normal(0.0, 1.0, (VS, EMB))
        self.E_tgt = rng.normal(0.0, 1.0, (VT, EMB))
        self.Wxe, self.Whe, self.be = u(EMB, HID, fan=EMB), u(HID, HID, fan=HID), u(HID, fan=EMB)
        self.Wxd, self.Whd, self.bd = u(EMB, HID, fan=EMB), u(HID, HID, fan=HID), u(HID, fan=EMB)
        self.Wq, self.Wk, self.va = u(HID, ATT, fan=HID), u(HID, ATT, fan=HID), u(ATT, 1, fan=ATT)
        self.Wo, self.bo = u(2 * HID, VT, fan=2 * HID), u(VT, fan=2 * HID)
        self.grads = {}

    def train_step(self, X, y):
        dt = self.Wo.dtype
        n, S = X.shape
        keep = (X > 0).astype(dt)                              # 1 on real source tokens
        last = (X > 0).sum(axis=1) - 1
        src_1h = np.eye(VS, dtype=dt)[X]                        # (n, S, VS)
        inp_1h = np.eye(VT, dtype=dt)[y[:, :-1]]                # (n, T, VT)
        tgt_1h = np.eye(VT, dtype=dt)[y[:, 1:]]
        tok = (y[:, 1:] > 0).astype(dt)                         # (n, T)
        T = tok.shape[1]
        count = tok.sum()

        xe = src_1h @ self.E_src
        H = np.zeros((n, S, HID), dtype=dt)
        prev = np.zeros((n, HID), dtype=dt)
        for j in range(S):
            prev = np.tanh(xe[:, j] @ self.Wxe + prev @ self.Whe + self.be)
            H[:, j] = prev
        K = np.einsum("nsh,ha->nsa", H, self.Wk)

        xd = inp_1h @ self.E_tgt
        Sd = np.zeros((n, T + 1, HID), dtype=dt)                # Sd[:, t + 1] is s_t
        Sd[:, 0] = H[np.arange(n), last]
        U = np.zeros((n, T, S, ATT), dtype=dt)
        A = np.zeros((n, T, S), dtype=dt)
        C = np.zeros((n, T, HID), dtype=dt)
        for t in range(T):
            Sd[:, t + 1] = np.tanh(xd[:, t] @ self.Wxd + Sd[:, t] @ self.Whd + self.bd)
            U[:, t] = np.tanh(K + np.einsum("nh,ha->na", Sd[:, t + 1], self.Wq)[:, None, :])
            score = np.einsum("nsa,a->ns", U[:, t], self.va[:, 0]) + (keep - 1.0) * 1e9
            w = np.exp(score - score.max(axis=1, keepdims=True))
            A[:, t] = w / w.sum(axis=1, keepdims=True)
            C[:, t] = np.einsum("ns,nsh->nh", A[:, t], H)
        feats = np.concatenate([Sd[:, 1:], C], axis=2)          # (n, T, 2 HID)
        logits = np.einsum("ntf,fv->ntv", feats, self.Wo) + self.bo
        mx = logits.max(axis=2, keepdims=True)
        lse = mx + np.log(np.exp(logits - mx).sum(axis=2, keepdims=True))
        nll = lse[:, :, 0] - (logits * tgt_1h).sum(axis=2)
        loss = (nll * tok).sum() / count

        dlog = (np.exp(logits - lse) - tgt_1h) * (tok / count)[:, :, None]
        gWo = np.einsum("ntf,ntv->fv", feats, dlog)
        gbo = dlog.sum(axis=(0, 1))
        dfeat = np.einsum("ntv,fv->ntf", dlog, self.Wo)
        dSd_out, dC = dfeat[:, :, :HID], dfeat[:, :, HID:]

        gWxd, gWhd, gbd = np.zeros_like(self.Wxd), np.zeros_like(self.Whd), np.zeros_like(self.bd)
        gWq, gva = np.zeros_like(self.Wq), np.zeros_like(self.va)
        dxd = np.zeros_like(xd)
        dH = np.einsum("nts,nth->nsh", A, dC)
        dK = np.zeros_like(K)
        carry = np.zeros((n, HID), dtype=dt)
        for t in range(T - 1, -1, -1):
            st = Sd[:, t + 1]
            dA = np.einsum("nsh,nh->ns", H, dC[:, t])
            dscore = A[:, t] * (dA - np.einsum("ns,ns->n", A[:, t], dA)[:, None])
            gva[:, 0] += np.einsum("nsa,ns->a", U[:, t], dscore)
            dpre = np.einsum("ns,a->nsa", dscore, self.va[:, 0]) * (1.0 - U[:, t] ** 2)
            dK += dpre
            dq = dpre.sum(axis=1)
            gWq += np.einsum("nh,na->ha", st, dq)
            dst = dSd_out[:, t] + carry + np.einsum("na,ha->nh", dq, self.Wq)
            dz = dst * (1.0 - st ** 2)
            gWxd += np.einsum("ne,nh->eh", xd[:, t], dz)
            gWhd += np.einsum("nk,nh->kh", Sd[:, t], dz)
            gbd += dz.sum(axis=0)
            dxd[:, t] = np.einsum("nh,eh->ne", dz, self.Wxd)
            carry = np.einsum("nh,kh->nk", dz, self.Whd)
        dH[np.arange(n), last] += carry
        gWk = np.einsum("nsh,nsa->ha", H, dK)
        dH += np.einsum("nsa,ha->nsh", dK, self.Wk)

        gWxe, gWhe, gbe = np.zeros_like(self.Wxe), np.zeros_like(self.Whe), np.zeros_like(self.be)
        dxe = np.zeros_like(xe)
        carry = np.zeros((n, HID), dtype=dt)
        for j in range(S - 1, -1, -1):
            dz = (dH[:, j] + carry) * (1.0 - H[:, j] ** 2)
            if j > 0:
                gWhe += np.einsum("nk,nh->kh", H[:, j - 1], dz)
            gWxe += np.einsum("ne,nh->eh", xe[:, j], dz)
            gbe += dz.sum(axis=0)
            dxe[:, j] = np.einsum("nh,eh->ne", dz, self.Wxe)
            carry = np.einsum("nh,kh->nk", dz, self.Whe)
        gE_src = np.einsum("nsv,nse->ve", src_1h, dxe)
        gE_tgt = np.einsum("ntv,nte->ve", inp_1h, dxd)

        grads = dict(E_src=gE_src, E_tgt=gE_tgt, Wxe=gWxe, Whe=gWhe, be=gbe, Wxd=gWxd, Whd=gWhd, bd=gbd,
                     Wq=gWq, Wk=gWk, va=gva, Wo=gWo, bo=gbo)
        norm = float(np.linalg.norm(np.concatenate([grads[k].ravel() for k in NAMES])))
        if norm > MAX_NORM:
            factor = MAX_NORM / (norm + 1e-6)
            grads = {k: g * factor for k, g in grads.items()}
        self.grads = grads
        for k in NAMES:
            setattr(self, k, getattr(self, k) - LR * grads[k])
        return float(loss)
