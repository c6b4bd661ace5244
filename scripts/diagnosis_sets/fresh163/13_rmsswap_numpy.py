"""LSTM binary classifier over padded sequences, masked mean of the hidden states, in NumPy.

    X (N, T, D + 1): features, then the valid-step mask m_t; len = sum_t m_t
    z_t = W_ih x_t + W_hh h_{t-1} + b_ih + b_hh   (weights kept (4H, in) as torch; gates i, f, g, o)
    c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)
    pooled = sum_t m_t h_t / len            (mean over the valid steps only)
    logit = pooled . w_out + b_out,  loss = mean binary cross-entropy on the logit

Truncated BPTT: the sequence is cut in chunks of K = 4 steps and the state carried into
a chunk is treated as a constant (no gradient flows back into the previous chunk through
h or c). Gradients are clipped elementwise to [-clip, clip], then RMSprop (as
torch.optim.RMSprop: v = a v + (1 - a) g^2, p -= lr g / (sqrt(v) + eps)).
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMMean:
    def __init__(self, n_in=3, hidden=6, lr=0.005, alpha=0.9, eps=1e-8, clip=0.01, tbptt=4,
                 seed=1):
        rng = np.random.default_rng(seed)
        self.hidden = hidden
        bound = 1.0 / math.sqrt(hidden)
        shapes = {"W_ih": (4 * hidden, n_in), "W_hh": (4 * hidden, hidden),
                  "b_ih": (4 * hidden,), "b_hh": (4 * hidden,),
                  "w_out": (1, hidden), "b_out": (1,)}
        self.params = {k: rng.uniform(-bound, bound, s) for k, s in shapes.items()}
        self.sq = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.alpha, self.eps, self.clip, self.tbptt = lr, alpha, eps, clip, tbptt

    def _run(self, X):
        p = self.params
        H = self.hidden
        x, mask = X[..., :-1], X[..., -1]
        N, T, _ = x.shape
        lengths = mask.sum(axis=1, keepdims=True)                   # (N, 1), float
        h = np.zeros((N, H), dtype=x.dtype)
        c = np.zeros((N, H), dtype=x.dtype)
        steps = []
        acc = np.zeros((N, H), dtype=x.dtype)
        for t in range(T):
            z = x[:, t] @ p["W_ih"].T + h @ p["W_hh"].T + p["b_ih"] + p["b_hh"]
            i, f = sigmoid(z[:, :H]), sigmoid(z[:, H:2 * H])
            g, o = np.tanh(z[:, 2 * H:3 * H]), sigmoid(z[:, 3 * H:])
            c_new = f * c + i * g
            tanh_c = np.tanh(c_new)
            h_new = o * tanh_c
            steps.append({"h_prev": h, "c_prev": c, "i": i, "f": f, "g": g, "o": o,
                          "tanh_c": tanh_c})
            h, c = h_new, c_new
            acc += mask[:, t:t + 1] * h
        pooled = acc / lengths
        logit = pooled @ p["w_out"].T + p["b_out"]                  # (N, 1)
        return logit[:, 0], (x, mask, lengths, steps, pooled)

    def loss(self, X, y):
        z, _ = self._run(X)
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def train_step(self, X, y):
        p = self.params
        H = self.hidden
        z, (x, mask, lengths, steps, pooled) = self._run(X)
        N, T, _ = x.shape
        loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

        dz_out = (sigmoid(z) - y) / N                               # (N,)
        grads = {k: np.zeros_like(v) for k, v in p.items()}
        grads["w_out"] = dz_out[None, :] @ pooled                   # (1, H)
        grads["b_out"] = np.array([dz_out.sum()], dtype=x.dtype)
        dpooled = dz_out[:, None] * p["w_out"]                      # (N, H)

        dh_next = np.zeros((N, H), dtype=x.dtype)
        dc_next = np.zeros((N, H), dtype=x.dtype)
        for t in reversed(range(T)):
            s = steps[t]
            dh = dh_next + dpooled * mask[:, t:t + 1] / lengths
            dc = dc_next + dh * s["o"] * (1 - s["tanh_c"] ** 2)
            d_o = dh * s["tanh_c"]
            d_i = dc * s["g"]
            d_f = dc * s["c_prev"]
            d_g = dc * s["i"]
            dgates = np.concatenate([d_i * s["i"] * (1 - s["i"]),
                                     d_f * s["f"] * (1 - s["f"]),
                                     d_g * (1 - s["g"] ** 2),
                                     d_o * s["o"] * (1 - s["o"])], axis=1)   # (N, 4H)
            grads["W_ih"] += dgates.T @ x[:, t]
            grads["W_hh"] += dgates.T @ s["h_prev"]
            grads["b_ih"] += dgates.sum(axis=0)
            if t % self.tbptt == 0:
                # the state entering this chunk was detached: stop here
                dh_next = np.zeros_like(dh_next)
                dc_next = np.zeros_like(dc_next)
            else:
                dh_next = dgates @ p["W_hh"]
                dc_next = dc * s["f"]
        grads["b_hh"] = grads["b_ih"].copy()

        for k in grads:
            grads[k] = np.clip(grads[k], -self.clip, self.clip)
        self.grads = grads

        for k in p:
            self.sq[k] = (1 - self.alpha) * self.sq[k] + self.alpha * grads[k] ** 2
            p[k] -= self.lr * grads[k] / (np.sqrt(self.sq[k]) + self.eps)
        return float(loss)
