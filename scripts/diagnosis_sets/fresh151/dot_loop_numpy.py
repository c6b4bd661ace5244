"""Correct variant of dot_numpy.py: weights kept (in, out) in a dict, the cross-attention and
its backward written as a loop over the sequences of the batch, one (T, S) score matrix at a
time; the same model, loss (token cross entropy summed, divided by N) and SGD with momentum,
coupled weight decay 1e-3 and the lr halved every 8 steps.
"""

import math

import numpy as np

PAD, BOS = 0, 1


def softmax_rows(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class DotAttnLoop:
    def __init__(self, v_src=9, v_tgt=9, S=6, T=5, d=4, h=6, dk=4, lr=0.2, momentum=0.9,
                 weight_decay=1e-3, step_size=8, gamma=0.5, seed=3):
        rng = np.random.default_rng(seed)
        self.p = {
            "Es": rng.normal(0, 0.5, (v_src, d)), "Pe": rng.normal(0, 0.2, (S, d)),
            "Et": rng.normal(0, 0.5, (v_tgt, d)), "Pd": rng.normal(0, 0.2, (T, d)),
            "We": rng.uniform(-0.5, 0.5, (d, h)), "be": rng.uniform(-0.5, 0.5, h),
            "Wd": rng.uniform(-0.5, 0.5, (d, h)), "bd": rng.uniform(-0.5, 0.5, h),
            "Wq": rng.uniform(-0.6, 0.6, (h, dk)), "Wk": rng.uniform(-0.6, 0.6, (h, dk)),
            "Wv": rng.uniform(-0.4, 0.4, (h, h)),
            "Wout": rng.uniform(-0.4, 0.4, (h, v_tgt)), "bout": np.zeros(v_tgt),
        }
        self.buf = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.hp = dict(lr=lr, mu=momentum, wd=weight_decay, step_size=step_size, gamma=gamma)
        self.n_steps = 0

    def train_step(self, X, y):
        p = self.p
        N, S = X.shape
        T = y.shape[1]
        yin = np.concatenate([np.full((N, 1), BOS, dtype=y.dtype), y[:, :-1]], axis=1)
        xe = p["Es"][X] + p["Pe"][:S]
        xd = p["Et"][yin] + p["Pd"][:T]
        He = np.tanh(xe @ p["We"] + p["be"])
        Hd = np.tanh(xd @ p["Wd"] + p["bd"])
        scale = 1.0 / math.sqrt(p["Wq"].shape[1])
        g = {k: np.zeros_like(w) for k, w in p.items()}
        dHe = np.zeros_like(He)
        dHd = np.zeros_like(Hd)
        loss = 0.0
        for n in range(N):
            L = int((X[n] != PAD).sum())              # the padding is on the right
            he, hd = He[n, :L], Hd[n]
            q, k, v = hd @ p["Wq"], he @ p["Wk"], he @ p["Wv"]
            A = softmax_rows(q @ k.T * scale)         # (T, L): padded positions left out
            o = hd + A @ v
            logits = o @ p["Wout"] + p["bout"]
            P = softmax_rows(logits)
            keep = y[n] != PAD
            rows = np.nonzero(keep)[0]
            loss += -np.log(P[rows, y[n, rows]]).sum()
            dlog = P * keep[:, None]
            dlog[rows, y[n, rows]] -= 1
            dlog /= N
            g["Wout"] += o.T @ dlog
            g["bout"] += dlog.sum(axis=0)
            do = dlog @ p["Wout"].T
            dA = do @ v.T
            dv = A.T @ do
            ds = A * (dA - (A * dA).sum(axis=1, keepdims=True)) * scale
            dq, dk = ds @ k, ds.T @ q
            g["Wq"] += hd.T @ dq
            g["Wk"] += he.T @ dk
            g["Wv"] += he.T @ dv
            dHd[n] = do + dq @ p["Wq"].T
            dHe[n, :L] = dk @ p["Wk"].T + dv @ p["Wv"].T
        dzd = dHd * (1 - Hd ** 2)
        dze = dHe * (1 - He ** 2)
        g["Wd"] = xd.reshape(-1, xd.shape[2]).T @ dzd.reshape(-1, dzd.shape[2])
        g["bd"] = dzd.sum(axis=(0, 1))
        g["We"] = xe.reshape(-1, xe.shape[2]).T @ dze.reshape(-1, dze.shape[2])
        g["be"] = dze.sum(axis=(0, 1))
        dxd = dzd @ p["Wd"].T
        dxe = dze @ p["We"].T
        g["Pd"][:T] = dxd.sum(axis=0)
        g["Pe"][:S] = dxe.sum(axis=0)
        np.add.at(g["Et"], yin, dxd)
        np.add.at(g["Es"], X, dxe)
        self.grads = g

        hp = self.hp
        lr = hp["lr"] * hp["gamma"] ** (self.n_steps // hp["step_size"])
        for key, w in p.items():
            self.buf[key] *= hp["mu"]
            self.buf[key] += g[key] + hp["wd"] * w
            w -= lr * self.buf[key]
        self.n_steps += 1
        return float(loss / N)
