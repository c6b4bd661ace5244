"""The GRU classifier of gru_numpy.py written in NumPy in torch.nn.GRU's own layout: weight_ih
(3H, D) and weight_hh (3H, H) stored (out, in) and used transposed, two biases bias_ih and
bias_hh (3H each; for r and z only their sum matters, each gets the same gradient), the gate
order r, z, n, the head weight stored (C, H). The backward is written with np.einsum, the loss
with a log-sum-exp, and Adam keeps its bias corrections folded into the step size,
lr * sqrt(1 - beta2^t) / (1 - beta1^t), and the epsilon scaled by sqrt(1 - beta2^t), which is
torch's update rearranged. Clipping by the global norm and the L2 term as in gru_numpy.py.

    X: float (n, 24), y: int (n,) class labels in {0, 1, 2}
"""

import numpy as np

T, D, H, C = 6, 4, 8, 3
LR, WD, MAX_NORM = 0.01, 1e-3, 0.3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


class GRUTorchLayout:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(H)
        self.params = {
            "weight_ih": rng.uniform(-s, s, (3 * H, D)),
            "weight_hh": rng.uniform(-s, s, (3 * H, H)),
            "bias_ih": rng.uniform(-s, s, 3 * H),
            "bias_hh": rng.uniform(-s, s, 3 * H),
            "head_w": rng.uniform(-s, s, (C, H)),
            "head_b": rng.uniform(-s, s, C),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def _run(self, X):
        P = self.params
        seq = X.reshape(X.shape[0], T, D).transpose(1, 0, 2)        # (T, N, D)
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        tape = []
        for x in seq:
            gi = np.einsum("nd,gd->ng", x, P["weight_ih"]) + P["bias_ih"]
            gh = np.einsum("nk,gk->ng", h, P["weight_hh"]) + P["bias_hh"]
            i_r, i_z, i_n = np.split(gi, 3, axis=1)
            h_r, h_z, h_n = np.split(gh, 3, axis=1)
            r, z = sigmoid(i_r + h_r), sigmoid(i_z + h_z)
            n = np.tanh(i_n + r * h_n)
            tape.append(dict(x=x, h=h, r=r, z=z, n=n, h_n=h_n))
            h = n + z * (h - n)
        logits = np.einsum("nk,ck->nc", h, P["head_w"]) + P["head_b"]
        return logits, h, tape

    @staticmethod
    def _nll(logits, y):
        top = logits.max(axis=1, keepdims=True)
        lse = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
        return np.mean(lse - np.take_along_axis(logits, y[:, None], axis=1)[:, 0])

    def loss(self, X, y):
        return self._nll(self._run(X)[0], y)

    def train_step(self, X, y):
        P = self.params
        logits, h_last, tape = self._run(X)
        loss = self._nll(logits, y)
        soft = np.exp(logits - logits.max(axis=1, keepdims=True))
        soft /= soft.sum(axis=1, keepdims=True)
        soft[np.arange(len(y)), y] -= 1.0
        dlog = soft / len(y)
        G = {k: np.zeros_like(a) for k, a in P.items()}
        G["head_w"] = np.einsum("nc,nk->ck", dlog, h_last)
        G["head_b"] = dlog.sum(axis=0)
        dh = np.einsum("nc,ck->nk", dlog, P["head_w"])
        for s in tape[::-1]:
            r, z, n = s["r"], s["z"], s["n"]
            d_an = dh * (1.0 - z) * (1.0 - n * n)
            d_ar = d_an * s["h_n"] * r * (1.0 - r)
            d_az = dh * (s["h"] - n) * z * (1.0 - z)
            d_gi = np.hstack([d_ar, d_az, d_an])
            d_gh = np.hstack([d_ar, d_az, d_an * r])
            G["weight_ih"] += np.einsum("ng,nd->gd", d_gi, s["x"])
            G["bias_ih"] += d_gi.sum(axis=0)
            G["weight_hh"] += np.einsum("ng,nk->gk", d_gh, s["h"])
            G["bias_hh"] += d_gh.sum(axis=0)
            dh = dh * z + np.einsum("ng,gk->nk", d_gh, P["weight_hh"])

        norm = np.sqrt(sum(float(np.vdot(g, g)) for g in G.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in G:
            G[k] *= scale
        self.grads = G

        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        root_bc2 = np.sqrt(1.0 - BETA2 ** self.t)
        step_size = LR * root_bc2 / bc1
        for k, p in P.items():
            g = G[k] + WD * p
            self.m[k] *= BETA1
            self.m[k] += (1.0 - BETA1) * g
            self.v[k] *= BETA2
            self.v[k] += (1.0 - BETA2) * np.square(g)
            p -= step_size * self.m[k] / (np.sqrt(self.v[k]) + EPS * root_bc2)
        return float(loss)
