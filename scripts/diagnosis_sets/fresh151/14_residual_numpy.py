"""A feed-forward encoder-decoder with scaled dot-product cross-attention, from scratch in NumPy.

    source X int64 (N, S), 0 = padding; target y int64 (N, T), 0 = padding
    encoder:  He = tanh((Es[X] + Pe) @ We.T + be)                   (N, S, h)
    decoder (teacher forcing, input BOS then y[:, :-1]):
              Hd = tanh((Et[yin] + Pd) @ Wd.T + bd)                 (N, T, h)
    cross-attention, padded source positions masked with -1e9:
              Q = Hd Wq.T, K = He Wk.T, V = He Wv.T
              A = softmax_s(Q K^T / sqrt(dk)),  C = A V
    output:   logits = (Hd + C) @ Wout.T + bout                     (residual)
    loss:     cross entropy summed over the real target tokens, divided by the batch size N

Weights kept (out, in) like nn.Linear, each an attribute. Training: SGD with momentum 0.9 and
weight decay 1e-3 added to the gradient (as torch.optim.SGD), lr 0.2 halved every 8 steps
(StepLR).
"""

import math

import numpy as np

PAD, BOS = 0, 1
NAMES = ["Es", "Pe", "Et", "Pd", "We", "be", "Wd", "bd", "Wq", "Wk", "Wv", "Wout", "bout"]


class DotAttnSeq2Seq:
    def __init__(self, v_src=9, v_tgt=9, S=6, T=5, d=4, h=6, dk=4, lr=0.2, momentum=0.9,
                 weight_decay=1e-3, step_size=8, gamma=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.Es = rng.normal(0, 0.5, (v_src, d))
        self.Pe = rng.normal(0, 0.2, (S, d))
        self.Et = rng.normal(0, 0.5, (v_tgt, d))
        self.Pd = rng.normal(0, 0.2, (T, d))
        self.We = rng.uniform(-0.5, 0.5, (h, d))
        self.be = rng.uniform(-0.5, 0.5, h)
        self.Wd = rng.uniform(-0.5, 0.5, (h, d))
        self.bd = rng.uniform(-0.5, 0.5, h)
        self.Wq = rng.uniform(-0.6, 0.6, (dk, h))
        self.Wk = rng.uniform(-0.6, 0.6, (dk, h))
        self.Wv = rng.uniform(-0.4, 0.4, (h, h))
        self.Wout = rng.uniform(-0.4, 0.4, (v_tgt, h))
        self.bout = np.zeros(v_tgt)
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.lr0, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.step_size, self.gamma = step_size, gamma
        self.steps_done = 0

    def _forward(self, X, y):
        N = X.shape[0]
        yin = np.concatenate([np.full((N, 1), BOS, dtype=y.dtype), y[:, :-1]], axis=1)
        xe = self.Es[X] + self.Pe[: X.shape[1]]
        He = np.tanh(xe @ self.We.T + self.be)
        xd = self.Et[yin] + self.Pd[: y.shape[1]]
        Hd = np.tanh(xd @ self.Wd.T + self.bd)
        Q = Hd @ self.Wq.T
        K = He @ self.Wk.T
        V = He @ self.Wv.T
        scale = 1.0 / math.sqrt(self.Wq.shape[0])
        scores = (Q @ K.transpose(0, 2, 1)) * scale                    # (N, T, S)
        scores = np.where((X != PAD)[:, None, :], scores, -1e9)
        scores -= scores.max(axis=-1, keepdims=True)
        A = np.exp(scores)
        A /= A.sum(axis=-1, keepdims=True)
        C = A @ V
        O = Hd + C
        logits = O @ self.Wout.T + self.bout
        return logits, (yin, xe, He, xd, Hd, Q, K, V, A, O, scale)

    def loss(self, X, y):
        logits, _ = self._forward(X, y)
        z = logits - logits.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        nll = -np.take_along_axis(logp, y[..., None], axis=-1)[..., 0]
        return (nll * (y != PAD)).sum() / X.shape[0]

    def backward(self, X, y):
        logits, (yin, xe, He, xd, Hd, Q, K, V, A, O, scale) = self._forward(X, y)
        N = X.shape[0]
        z = logits - logits.max(axis=-1, keepdims=True)
        P = np.exp(z)
        P /= P.sum(axis=-1, keepdims=True)
        tmask = (y != PAD)
        loss = -(np.log(np.take_along_axis(P, y[..., None], axis=-1)[..., 0]) * tmask).sum() / N

        dlogits = P
        np.put_along_axis(dlogits, y[..., None],
                          np.take_along_axis(P, y[..., None], axis=-1) - 1, axis=-1)
        dlogits = dlogits * tmask[..., None] / N
        g = {}
        g["Wout"] = np.einsum("ntv,nth->vh", dlogits, O)
        g["bout"] = dlogits.sum(axis=(0, 1))
        dO = dlogits @ self.Wout
        dHd = np.zeros_like(Hd)
        dC = dO
        dA = dC @ V.transpose(0, 2, 1)
        dV = A.transpose(0, 2, 1) @ dC
        dscores = A * (dA - (A * dA).sum(axis=-1, keepdims=True)) * scale
        dQ = dscores @ K
        dK = dscores.transpose(0, 2, 1) @ Q
        g["Wq"] = np.einsum("ntk,nth->kh", dQ, Hd)
        g["Wk"] = np.einsum("nsk,nsh->kh", dK, He)
        g["Wv"] = np.einsum("nsi,nsj->ij", dV, He)
        dHd += dQ @ self.Wq
        dHe = dK @ self.Wk + dV @ self.Wv
        dzd = dHd * (1 - Hd ** 2)
        dze = dHe * (1 - He ** 2)
        g["Wd"] = np.einsum("nth,ntd->hd", dzd, xd)
        g["bd"] = dzd.sum(axis=(0, 1))
        g["We"] = np.einsum("nsh,nsd->hd", dze, xe)
        g["be"] = dze.sum(axis=(0, 1))
        dxd = dzd @ self.Wd
        dxe = dze @ self.We
        g["Pd"] = dxd.sum(axis=0)
        g["Pe"] = dxe.sum(axis=0)
        g["Et"] = np.zeros_like(self.Et)
        np.add.at(g["Et"], yin, dxd)
        g["Es"] = np.zeros_like(self.Es)
        np.add.at(g["Es"], X, dxe)
        self.grads = g
        return loss

    def sgd_step(self):
        lr = self.lr0 * self.gamma ** (self.steps_done // self.step_size)
        for n in NAMES:
            w = getattr(self, n)
            d_p = self.grads[n] + self.weight_decay * w
            self.velocity[n] = self.momentum * self.velocity[n] + d_p
            w -= lr * self.velocity[n]
        self.steps_done += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_step()
        return float(loss)
