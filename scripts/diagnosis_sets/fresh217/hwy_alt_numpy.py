"""The highway classifier of hwy_numpy.py written another way (correct).

Weights kept (out, in) in lists per layer kind (self.Wh[l], self.Wt[l], ...), every product
an einsum, the mix written x + T * (H - x), the cross-entropy gradient from the log-softmax,
and Adam with torch's arrangement (denominator sqrt(v) / sqrt(1 - b2^t) + eps, step size
lr / (1 - b1^t)), the moments updated in place.
"""

import numpy as np


class HighwayNetAlt:
    def __init__(self, n_in=8, width=16, n_classes=3, n_layers=2, gate_bias=-2.0, seed=3):
        rng = np.random.default_rng(seed)
        u = lambda shape, s: rng.uniform(-s, s, shape)
        self.W0 = u((width, n_in), 0.5)
        self.b0 = u(width, 0.1)
        self.Wh = [u((width, width), 0.4) for _ in range(n_layers)]
        self.bh = [u(width, 0.1) for _ in range(n_layers)]
        self.Wt = [u((width, width), 0.4) for _ in range(n_layers)]
        self.bt = [gate_bias + u(width, 0.1) for _ in range(n_layers)]
        self.Wc = u((n_classes, width), 0.5)
        self.bc = np.zeros(n_classes)
        self.lr, self.b1, self.b2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.step_count = 0
        self.moments = {}

    def _params(self):
        out = [("W0", self.W0), ("b0", self.b0)]
        for i in range(len(self.Wh)):
            out += [(f"Wh{i}", self.Wh[i]), (f"bh{i}", self.bh[i]),
                    (f"Wt{i}", self.Wt[i]), (f"bt{i}", self.bt[i])]
        return out + [("Wc", self.Wc), ("bc", self.bc)]

    def _forward(self, X):
        a0 = np.tanh(np.einsum("ni,oi->no", X, self.W0) + self.b0)
        x, tape = a0, []
        for Wh, bh, Wt, bt in zip(self.Wh, self.bh, self.Wt, self.bt):
            zh = np.einsum("ni,oi->no", x, Wh) + bh
            H = np.where(zh > 0, zh, 0)
            T = 0.5 * (1 + np.tanh(0.5 * (np.einsum("ni,oi->no", x, Wt) + bt)))
            tape.append((x, zh, H, T))
            x = x + T * (H - x)
        logits = np.einsum("ni,oi->no", x, self.Wc) + self.bc
        return logits, a0, tape, x

    def loss(self, X, y):
        logits = self._forward(X)[0]
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        return np.mean(lse - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        N = len(y)
        logits, a0, tape, xL = self._forward(X)
        m = logits.max(axis=1, keepdims=True)
        logp = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        loss = -np.mean(logp[np.arange(N), y])
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        d = (np.exp(logp) - onehot) / N

        grads = {"Wc": np.einsum("no,ni->oi", d, xL), "bc": d.sum(axis=0)}
        dx = np.einsum("no,oi->ni", d, self.Wc)
        for i in reversed(range(len(self.Wh))):
            x, zh, H, T = tape[i]
            dzh = np.where(zh > 0, dx * T, 0)
            dzt = dx * (H - x) * T * (1 - T)
            grads[f"Wh{i}"] = np.einsum("no,ni->oi", dzh, x)
            grads[f"bh{i}"] = dzh.sum(axis=0)
            grads[f"Wt{i}"] = np.einsum("no,ni->oi", dzt, x)
            grads[f"bt{i}"] = dzt.sum(axis=0)
            dx = dx - dx * T + np.einsum("no,oi->ni", dzh, self.Wh[i]) \
                + np.einsum("no,oi->ni", dzt, self.Wt[i])
        dz0 = dx * (1 - a0 * a0)
        grads["W0"] = np.einsum("no,ni->oi", dz0, X)
        grads["b0"] = dz0.sum(axis=0)

        self.step_count += 1
        bc1 = 1 - self.b1 ** self.step_count
        bc2 = 1 - self.b2 ** self.step_count
        for name, p in self._params():
            g = grads[name]
            if name not in self.moments:
                self.moments[name] = (np.zeros_like(p), np.zeros_like(p))
            m1, m2 = self.moments[name]
            m1 *= self.b1
            m1 += (1 - self.b1) * g
            m2 *= self.b2
            m2 += (1 - self.b2) * g * g
            denom = np.sqrt(m2) / np.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * m1 / denom
        return loss
