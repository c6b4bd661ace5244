"""RealNVP written another way in NumPy: the same two couplings and loss as realnvp_numpy.py, with
each weight kept as torch keeps it, (out, in), and applied as x @ W.T; the feature reversal as an
index array PERM (its inverse np.argsort(PERM) in the backward); np.einsum for the products and
the squared norm; a cache dict; separate backward() and update(); the global norm from
np.linalg.norm of all the gradients concatenated; and Adam with its bias corrections folded into
the step size, lr_t = LR sqrt(1 - beta2^t) / (1 - beta1^t) with eps scaled by sqrt(1 - beta2^t)
(the same update as m_hat / (sqrt(v_hat) + eps)).

    X: float (n, 4) the data, y: unused
"""

import math

import numpy as np

D, HALF, HIDDEN, N_COUPLING = 4, 2, 12, 2
LR, WD, MAX_NORM = 0.01, 5e-3, 1.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
PERM = np.array([3, 2, 1, 0])
INV_PERM = np.argsort(PERM)


class RealNVPAlt:
    def __init__(self, seed=96):
        rng = np.random.default_rng(seed)
        self.params = {}
        for k in range(N_COUPLING):
            self.params[f"fc{k}_w"] = rng.normal(0.0, 0.5, (HALF, HIDDEN)).T.copy()
            self.params[f"fc{k}_b"] = rng.normal(0.0, 0.1, HIDDEN)
            self.params[f"s{k}_w"] = rng.normal(0.0, 0.2, (HIDDEN, HALF)).T.copy()
            self.params[f"s{k}_b"] = np.zeros(HALF)
            self.params[f"t{k}_w"] = rng.normal(0.0, 0.2, (HIDDEN, HALF)).T.copy()
            self.params[f"t{k}_b"] = np.zeros(HALF)
        self.exp_avg = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.exp_avg_sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.steps = 0
        self.cache = {}

    def _couple(self, k, x):
        p = self.params
        x1, x2 = np.split(x, [HALF], axis=1)
        h = np.tanh(np.einsum("ni,hi->nh", x1, p[f"fc{k}_w"]) + p[f"fc{k}_b"])
        s = np.tanh(np.einsum("nh,oh->no", h, p[f"s{k}_w"]) + p[f"s{k}_b"])
        t = np.einsum("nh,oh->no", h, p[f"t{k}_w"]) + p[f"t{k}_b"]
        self.cache[k] = dict(x1=x1, x2=x2, h=h, s=s, e=np.exp(s))
        return np.hstack([x1, x2 * self.cache[k]["e"] + t]), s

    def nll(self, X):
        x, total_s = X, 0.0
        for k in range(N_COUPLING):
            x, s = self._couple(k, x)
            total_s = total_s + s.sum(axis=1)
            if k < N_COUPLING - 1:
                x = x[:, PERM]
        self.cache["z"] = x
        sq = np.einsum("nd,nd->n", x, x)
        return 0.5 * sq + 0.5 * D * math.log(2.0 * math.pi) - total_s

    def loss(self, X, y=None):
        return float(self.nll(X).mean())

    def backward(self, X):
        n = X.shape[0]
        loss = self.nll(X).mean()
        p, g = self.params, {}
        grad = self.cache["z"] / n
        for k in range(N_COUPLING - 1, -1, -1):
            if k < N_COUPLING - 1:
                grad = grad[:, INV_PERM]
            c = self.cache[k]
            g_x1, g_y2 = np.split(grad, [HALF], axis=1)
            g_s = g_y2 * c["x2"] * c["e"] - 1.0 / n
            g_sr = g_s * (1.0 - c["s"] * c["s"])
            g[f"s{k}_w"] = np.einsum("no,nh->oh", g_sr, c["h"])
            g[f"s{k}_b"] = g_sr.sum(axis=0)
            g[f"t{k}_w"] = np.einsum("no,nh->oh", g_y2, c["h"])
            g[f"t{k}_b"] = g_y2.sum(axis=0)
            g_h = g_sr @ p[f"s{k}_w"] + g_y2 @ p[f"t{k}_w"]
            g_pre = g_h * (1.0 - c["h"] * c["h"])
            g[f"fc{k}_w"] = np.einsum("nh,ni->hi", g_pre, c["x1"])
            g[f"fc{k}_b"] = g_pre.sum(axis=0)
            grad = np.hstack([g_x1 + g_pre @ p[f"fc{k}_w"], g_y2 * c["e"]])
        norm = np.linalg.norm(np.concatenate([a.ravel() for a in g.values()]))
        factor = min(1.0, MAX_NORM / (norm + 1e-6))
        self.grads = {k: a * factor for k, a in g.items()}
        return float(loss)

    def update(self):
        self.steps += 1
        bc1 = 1.0 - BETA1 ** self.steps
        bc2 = math.sqrt(1.0 - BETA2 ** self.steps)
        step_size = LR * bc2 / bc1
        for k, w in self.params.items():
            gk = self.grads[k] + WD * w
            self.exp_avg[k] *= BETA1
            self.exp_avg[k] += (1.0 - BETA1) * gk
            self.exp_avg_sq[k] *= BETA2
            self.exp_avg_sq[k] += (1.0 - BETA2) * gk * gk
            w -= step_size * self.exp_avg[k] / (np.sqrt(self.exp_avg_sq[k]) + EPS * bc2)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.update()
        return loss
