"""DenseMoE written another way: every parameter lives in one flat vector, the optimizer works on
that vector.

The same model as dense_moe_numpy.py (a temperature softmax gate over three tanh experts, dense
mixing, mean squared error plus ALPHA times the squared coefficient of variation of the gate
mass, global-norm clipping, Adam with an L2 term added to the gradient), written with other
bookkeeping: self.theta holds all the parameters and self.params are named views into it
(gate_w, gate_b, exp_w1, exp_b1, exp_w2, exp_b2); the gradient is assembled into one flat
vector whose views are self.grads; the gate is exp(z - logsumexp(z)); the softmax backward is the
explicit Jacobian diag(p) - p p^T applied row by row; the coefficient of variation is written as
E * sum(imp^2) / sum(imp)^2 - 1; clipping and Adam act on the flat vectors (self.mom1,
self.mom2, self.step_count).

    X: float (n, 6), y: float (n, 2)
"""

import numpy as np

D, E, H, O = 6, 3, 8, 2
LR, TAU, ALPHA, WD, MAX_NORM = 0.01, 0.5, 0.5, 1e-3, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8

SHAPES = {"gate_w": (D, E), "gate_b": (E,), "exp_w1": (E, D, H), "exp_b1": (E, H),
          "exp_w2": (E, H, O), "exp_b2": (E, O)}


def views(flat):
    out, at = {}, 0
    for name, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class DenseMoEFlat:
    def __init__(self, seed=99):
        rng = np.random.default_rng(seed)
        size = sum(int(np.prod(s)) for s in SHAPES.values())
        self.theta = np.zeros(size)
        self.params = views(self.theta)
        # the same draws, in the same order, as dense_moe_numpy.DenseMoE
        self.params["gate_w"][...] = rng.normal(0.0, 0.5, (D, E))
        self.params["exp_w1"][...] = rng.normal(0.0, 1.0 / np.sqrt(D), (E, D, H))
        self.params["exp_b1"][...] = rng.normal(0.0, 0.1, (E, H))
        self.params["exp_w2"][...] = rng.normal(0.0, 1.0 / np.sqrt(H), (E, H, O))
        self.mom1 = np.zeros_like(self.theta)
        self.mom2 = np.zeros_like(self.theta)
        self.step_count = 0

    def _forward(self, X):
        P = self.params
        z = (X @ P["gate_w"] + P["gate_b"]) / TAU
        zmax = z.max(axis=1, keepdims=True)
        lse = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        gate = np.exp(z - lse)
        h = np.tanh(np.einsum("nd,edh->enh", X, P["exp_w1"]) + P["exp_b1"][:, None, :])
        out = np.einsum("enh,eho->eno", h, P["exp_w2"]) + P["exp_b2"][:, None, :]
        yhat = np.einsum("ne,eno->no", gate, out)
        return gate, h, out, yhat

    @staticmethod
    def _cv2(imp):
        s = imp.sum()
        return E * np.sum(imp ** 2) / s ** 2 - 1.0, s

    def loss(self, X, y):
        gate, _, _, yhat = self._forward(X)
        return np.mean((yhat - y) ** 2) + ALPHA * self._cv2(gate.sum(axis=0))[0]

    def train_step(self, X, y):
        P = self.params
        gate, h, out, yhat = self._forward(X)
        imp = gate.sum(axis=0)
        cv2, s = self._cv2(imp)
        loss = np.mean((yhat - y) ** 2) + ALPHA * cv2

        gflat = np.zeros_like(self.theta)
        G = views(gflat)
        dyhat = 2.0 * (yhat - y) / yhat.size
        dout = gate.T[:, :, None] * dyhat[None, :, :]
        dgate = (out * dyhat[None, :, :]).sum(axis=2).T
        dgate = dgate + ALPHA * (2.0 * E * imp / s ** 2 - 2.0 * E * np.sum(imp ** 2) / s ** 3)
        jac = gate[:, :, None] * np.eye(E, dtype=gate.dtype)[None] - gate[:, :, None] * gate[:, None, :]
        dz = np.einsum("nij,nj->ni", jac, dgate) / TAU
        G["gate_w"][...] = X.T @ dz
        G["gate_b"][...] = dz.sum(axis=0)
        G["exp_w2"][...] = np.einsum("enh,eno->eho", h, dout)
        G["exp_b2"][...] = dout.sum(axis=1)
        dpre = np.einsum("eno,eho->enh", dout, P["exp_w2"]) * (1.0 - h * h)
        G["exp_w1"][...] = np.einsum("nd,enh->edh", X, dpre)
        G["exp_b1"][...] = dpre.sum(axis=1)

        gflat *= min(1.0, MAX_NORM / (np.linalg.norm(gflat) + 1e-6))
        self.grads = G

        self.step_count += 1
        gd = gflat + WD * self.theta
        self.mom1 *= BETA1
        self.mom1 += (1.0 - BETA1) * gd
        self.mom2 *= BETA2
        self.mom2 += (1.0 - BETA2) * gd * gd
        bc1 = 1.0 - BETA1 ** self.step_count
        bc2 = 1.0 - BETA2 ** self.step_count
        self.theta -= (LR / bc1) * self.mom1 / (np.sqrt(self.mom2 / bc2) + EPS)
        return float(loss)
