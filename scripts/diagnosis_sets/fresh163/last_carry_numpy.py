"""The classifier of last_numpy.py written another way (correct).

Weights kept in torch's layout (W_ih (4H, D), W_hh (4H, H), W_out (C, H)); the gates
computed with einsum. Instead of gathering each row's last valid hidden state, the
state is carried unchanged through the padding:

    h_t = m_t * cell(x_t, h_{t-1}) + (1 - m_t) * h_{t-1}   (and the same for c)

so the state after the last step is the last valid one. Backward through that carry;
clipping by global norm; Adam with in-place moment updates.
"""

import math

import numpy as np


def _sig(a):
    return 1.0 / (1.0 + np.exp(-a))


class LSTMLastCarry:
    def __init__(self, n_in=4, hidden=8, n_classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.1, seed=0):
        rng = np.random.default_rng(seed)
        k = 1.0 / math.sqrt(hidden)
        self.H = hidden
        self.W_ih = rng.uniform(-k, k, (4 * hidden, n_in))
        self.W_hh = rng.uniform(-k, k, (4 * hidden, hidden))
        self.b_ih = rng.uniform(-k, k, 4 * hidden)
        self.b_hh = rng.uniform(-k, k, 4 * hidden)
        self.W_out = rng.uniform(-k, k, (n_classes, hidden))
        self.b_out = rng.uniform(-k, k, n_classes)
        self.names = ["W_ih", "W_hh", "b_ih", "b_hh", "W_out", "b_out"]
        self.m = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {}
        self.step_count = 0
        self.lr, self.betas, self.eps, self.max_norm = lr, betas, eps, max_norm

    def _forward(self, X):
        H = self.H
        xs, mask = X[:, :, :-1], X[:, :, -1:]          # mask kept (N, T, 1)
        N, T, _ = xs.shape
        h = np.zeros((N, H), xs.dtype)
        c = np.zeros((N, H), xs.dtype)
        tape = []
        for t in range(T):
            a = (np.einsum("nd,gd->ng", xs[:, t], self.W_ih)
                 + np.einsum("nh,gh->ng", h, self.W_hh) + self.b_ih + self.b_hh)
            ig, fg, gg, og = np.split(a, 4, axis=1)
            ig, fg, gg, og = _sig(ig), _sig(fg), np.tanh(gg), _sig(og)
            c_cand = fg * c + ig * gg
            th = np.tanh(c_cand)
            h_cand = og * th
            m = mask[:, t]
            tape.append((h, c, ig, fg, gg, og, th, m))
            h = m * h_cand + (1 - m) * h
            c = m * c_cand + (1 - m) * c
        logits = np.einsum("nh,ch->nc", h, self.W_out) + self.b_out
        return logits, h, xs, tape

    def loss(self, X, y):
        logits, *_ = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        return float(np.mean(lse - z[np.arange(len(y)), y]))

    def _backward(self, X, y):
        logits, h_final, xs, tape = self._forward(X)
        N = xs.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = float(np.mean(-np.log(p[np.arange(N), y])))
        onehot = np.zeros_like(p)
        onehot[np.arange(N), y] = 1
        d = (p - onehot) / N
        g = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        g["W_out"] = np.einsum("nc,nh->ch", d, h_final)
        g["b_out"] = d.sum(axis=0)
        dh = np.einsum("nc,ch->nh", d, self.W_out)
        dc = np.zeros_like(dh)
        for t in range(len(tape) - 1, -1, -1):
            h_prev, c_prev, ig, fg, gg, og, th, m = tape[t]
            dh_cand, dc_cand = m * dh, m * dc
            dh_prev, dc_prev = (1 - m) * dh, (1 - m) * dc
            dc_cand = dc_cand + dh_cand * og * (1 - th * th)
            da = np.concatenate([dc_cand * gg * ig * (1 - ig),
                                 dc_cand * c_prev * fg * (1 - fg),
                                 dc_cand * ig * (1 - gg * gg),
                                 dh_cand * th * og * (1 - og)], axis=1)
            g["W_ih"] += np.einsum("ng,nd->gd", da, xs[:, t])
            g["W_hh"] += np.einsum("ng,nh->gh", da, h_prev)
            g["b_ih"] += da.sum(axis=0)
            dh = dh_prev + np.einsum("ng,gh->nh", da, self.W_hh)
            dc = dc_prev + dc_cand * fg
        g["b_hh"] = g["b_ih"].copy()
        return loss, g

    def train_step(self, X, y):
        loss, g = self._backward(X, y)
        norm = math.sqrt(sum(float(np.vdot(a, a)) for a in g.values()))
        scale = min(1.0, self.max_norm / (norm + 1e-6))
        for n in self.names:
            g[n] *= scale
        self.grads = g
        self.step_count += 1
        b1, b2 = self.betas
        c1 = 1 - b1 ** self.step_count
        c2 = 1 - b2 ** self.step_count
        for n in self.names:
            m, v, w = self.m[n], self.v[n], getattr(self, n)
            m *= b1
            m += (1 - b1) * g[n]
            v *= b2
            v += (1 - b2) * g[n] ** 2
            w -= (self.lr / c1) * m / (np.sqrt(v) / math.sqrt(c2) + self.eps)
        return loss
