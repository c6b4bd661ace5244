"""The bidirectional RNN tagger of birnn_numpy.py written another way: time-major internally,
einsum for every product, one routine for both directions (the backward direction is the
forward recurrence run over the time-reversed sequence, its states reversed back), the
cross-entropy gradient as softmax minus a one-hot built with np.add.at, and the momentum
step written with np.multiply / np.add into the velocity's own memory and one fused
parameter update (p -= lr * v, with v = mu v + g as torch.optim.SGD keeps it).
"""

import numpy as np


class BiRNNTagger:
    def __init__(self, n_in=6, hidden=12, n_tags=5, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.params = {}
        for d in ("f", "b"):
            self.params["Wx_" + d] = rng.uniform(-k, k, (n_in, hidden))
            self.params["Wh_" + d] = rng.uniform(-k, k, (hidden, hidden))
            self.params["bx_" + d] = rng.uniform(-k, k, hidden)
            self.params["bh_" + d] = rng.uniform(-k, k, hidden)
        self.params["Why"] = rng.uniform(-k, k, (2 * hidden, n_tags))
        self.params["by"] = rng.uniform(-k, k, n_tags)
        self.lr, self.mu = lr, momentum
        self.vel = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.grads = None

    def _scan(self, Xt, d):
        """Xt time-major (T, N, D); returns states (T, N, H) in the order processed."""
        p = self.params
        T, N, _ = Xt.shape
        H = p["Wh_" + d].shape[0]
        xs = np.einsum("tnd,dh->tnh", Xt, p["Wx_" + d]) + (p["bx_" + d] + p["bh_" + d])
        hs = np.empty((T, N, H), dtype=Xt.dtype)
        h = np.zeros((N, H), dtype=Xt.dtype)
        for t in range(T):
            h = np.tanh(xs[t] + np.einsum("nh,hk->nk", h, p["Wh_" + d]))
            hs[t] = h
        return hs

    def _bptt(self, Xt, hs, dhs, d):
        """Gradients of one direction given dL/dh for each processed step (time-major)."""
        p = self.params
        T, N, H = hs.shape
        prev = np.concatenate([np.zeros((1, N, H), dtype=hs.dtype), hs[:-1]], axis=0)
        dA = np.empty_like(hs)
        carry = np.zeros((N, H), dtype=hs.dtype)
        for t in range(T - 1, -1, -1):
            dA[t] = (dhs[t] + carry) * (1.0 - hs[t] * hs[t])
            carry = np.einsum("nk,hk->nh", dA[t], p["Wh_" + d])
        db = dA.sum(axis=(0, 1))
        return {"Wx_" + d: np.einsum("tnd,tnh->dh", Xt, dA),
                "Wh_" + d: np.einsum("tnh,tnk->hk", prev, dA),
                "bx_" + d: db, "bh_" + d: db.copy()}

    def _logits(self, X):
        Xt = np.transpose(np.asarray(X, dtype=self.params["Why"].dtype), (1, 0, 2))
        hf = self._scan(Xt, "f")
        hb_rev = self._scan(Xt[::-1], "b")
        Hcat = np.concatenate([hf, hb_rev[::-1]], axis=-1)                 # (T, N, 2H)
        z = np.einsum("tnk,kc->tnc", Hcat, self.params["Why"]) + self.params["by"]
        return Xt, hf, hb_rev, Hcat, z

    def loss(self, X, y):
        _, _, _, _, z = self._logits(X)
        yt = np.asarray(y).T
        z = z - z.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        m = yt >= 0
        t_idx, n_idx = np.nonzero(m)
        return -logp[t_idx, n_idx, yt[m]].sum() / int(m.sum())

    def train_step(self, X, y):
        Xt, hf, hb_rev, Hcat, z = self._logits(X)
        yt = np.asarray(y).T                                               # (T, N)
        m = yt >= 0
        count = int(m.sum())
        z = z - z.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        t_idx, n_idx = np.nonzero(m)
        loss = -logp[t_idx, n_idx, yt[m]].sum() / count

        dz = np.exp(logp)
        dz[~m] = 0.0
        np.add.at(dz, (t_idx, n_idx, yt[m]), -1.0)
        dz /= count

        grads = {"Why": np.einsum("tnk,tnc->kc", Hcat, dz), "by": dz.sum(axis=(0, 1))}
        dH = np.einsum("tnc,kc->tnk", dz, self.params["Why"])
        Hh = hf.shape[-1]
        grads.update(self._bptt(Xt, hf, dH[..., :Hh], "f"))
        grads.update(self._bptt(Xt[::-1], hb_rev, dH[::-1, :, Hh:], "b"))
        self.grads = grads

        for n, p in self.params.items():
            v = self.vel[n]
            np.multiply(v, self.mu, out=v)
            np.add(v, grads[n], out=v)
            p -= self.lr * v
        return float(loss)
