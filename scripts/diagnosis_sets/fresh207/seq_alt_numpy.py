"""The nn.LSTM-layout regressor of seq_numpy.py written another way.

Parameters are attributes-in-a-dict as before (self.p, torch layout), but the two input products
are fused: [x_t, h] @ [weight_ih, weight_hh].T, gate slices come from np.split, the bias gradient
is computed once and given to both biases, the per-step weight gradients are collected and summed
at the end, the clipping norm comes from np.linalg.norm of all gradients flattened together, and
Adam is written the way torch.optim.Adam computes it (step size lr / bc1, denominator
sqrt(v) / sqrt(bc2) + eps).
"""

import math

import numpy as np


class TorchLayoutLSTMAlt:
    def __init__(self, n_in=4, hidden=10, seed=1):
        rng = np.random.default_rng(seed)
        bound = 1.0 / np.sqrt(hidden)
        self.hidden, self.n_in = hidden, n_in
        names_shapes = [("weight_ih", (4 * hidden, n_in)), ("weight_hh", (4 * hidden, hidden)),
                        ("bias_ih", (4 * hidden,)), ("bias_hh", (4 * hidden,)),
                        ("w_out", (1, hidden)), ("b_out", (1,))]
        self.p = {n: rng.uniform(-bound, bound, s) for n, s in names_shapes}
        self.adam_m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.adam_v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.grads = {}
        self.step = 0

    def _forward(self, X):
        p, H = self.p, self.hidden
        Wcat = np.concatenate([p["weight_ih"], p["weight_hh"]], axis=1)    # (4H, n_in + H)
        bias = p["bias_ih"] + p["bias_hh"]
        N, T, _ = X.shape
        h = np.zeros((N, H), X.dtype)
        c = np.zeros((N, H), X.dtype)
        tape = []
        for t in range(T):
            xh = np.hstack([X[:, t, :], h])
            zi, zf, zg, zo = np.split(xh @ Wcat.T + bias, 4, axis=1)
            i, f, o = (1.0 / (1.0 + np.exp(-z)) for z in (zi, zf, zo))
            g = np.tanh(zg)
            c_prev = c
            c = f * c_prev + i * g
            h = o * np.tanh(c)
            tape.append((xh, c_prev, c, i, f, g, o))
        return h @ p["w_out"].T + p["b_out"], h, tape, Wcat

    def loss(self, X, y):
        return np.mean((self._forward(X)[0] - y) ** 2)

    def train_step(self, X, y):
        p, H, n_in = self.p, self.hidden, self.n_in
        pred, hT, tape, Wcat = self._forward(X)
        e = pred - y
        loss = float((e ** 2).mean())
        dpred = 2.0 * e / e.shape[0]
        dh = dpred @ p["w_out"]
        dc = np.zeros_like(dh)
        dW_parts, db_parts = [], []
        for xh, c_prev, c, i, f, g, o in tape[::-1]:
            tc = np.tanh(c)
            dc = dc + dh * o * (1.0 - tc ** 2)
            dz = np.hstack([dc * g * i * (1.0 - i),
                            dc * c_prev * f * (1.0 - f),
                            dc * i * (1.0 - g ** 2),
                            dh * tc * o * (1.0 - o)])
            dW_parts.append(dz.T @ xh)
            db_parts.append(dz.sum(axis=0))
            dh = (dz @ Wcat)[:, n_in:]
            dc = dc * f
        dW = np.sum(dW_parts, axis=0)
        db = np.sum(db_parts, axis=0)
        grads = {"weight_ih": dW[:, :n_in], "weight_hh": dW[:, n_in:],
                 "bias_ih": db.copy(), "bias_hh": db.copy(),
                 "w_out": dpred.T @ hT, "b_out": dpred.sum(axis=0)}

        total = float(np.linalg.norm(np.concatenate([g_.ravel() for g_ in grads.values()])))
        clip_coef = min(0.4 / (total + 1e-6), 1.0)
        self.grads = {k: g_ * clip_coef for k, g_ in grads.items()}

        self.step += 1
        lr, b1, b2, eps = 0.005, 0.9, 0.999, 1e-8
        bc1 = 1.0 - b1 ** self.step
        bc2 = 1.0 - b2 ** self.step
        for k in self.p:
            g_ = self.grads[k]
            self.adam_m[k] = b1 * self.adam_m[k] + (1.0 - b1) * g_
            self.adam_v[k] = b2 * self.adam_v[k] + (1.0 - b2) * g_ * g_
            denom = np.sqrt(self.adam_v[k]) / math.sqrt(bc2) + eps
            self.p[k] = self.p[k] - (lr / bc1) * self.adam_m[k] / denom
        return loss
