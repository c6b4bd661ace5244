"""NumPy variant.

An LSTM sequence regressor in NumPy that keeps torch.nn.LSTM's parameter layout.

For each time step the four gates (order i, f, g, o) come from one stacked product per input:

    gates = x_t @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh        (N, 4H)
    c = f * c + i * g ;  h = o * tanh(c)                                   h_0 = c_0 = 0
    pred = h_T @ w_out.T + b_out ;  loss = mean((pred - y) ** 2)

Both biases are kept (as nn.LSTM does); each gets the gradient of their sum. Backpropagation
through time, global-norm clipping (max 0.4) and Adam (lr 0.005, betas (0.9, 0.999), eps 1e-8)
all written by hand.

self.p: weight_ih (4H, n_in), weight_hh (4H, H), bias_ih (4H,), bias_hh (4H,), w_out (1, H),
b_out (1,). Gradients in self.grads, Adam moments in self.adam_m / self.adam_v, step self.step.
"""

import numpy as np


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class TorchLayoutLSTM:
    def __init__(self, n_in=4, hidden=10, seed=1):
        rng = np.random.default_rng(seed)
        bound = 1.0 / np.sqrt(hidden)

        def u(*shape):
            return rng.uniform(-bound, bound, shape)

        self.hidden = hidden
        self.p = {
            "weight_ih": u(4 * hidden, n_in),
            "weight_hh": u(4 * hidden, hidden),
            "bias_ih": u(4 * hidden),
            "bias_hh": u(4 * hidden),
            "w_out": u(1, hidden),
            "b_out": u(1),
        }
        self.grads = {}
        self.adam_m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.adam_v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.step = 0
        self.lr = 0.005
        self.b1, self.b2, self.eps = 0.9, 0.999, 1e-8
        self.clip_norm = 0.4

    def _run(self, X):
        p, H = self.p, self.hidden
        N, T, _ = X.shape
        h = np.zeros((N, H), X.dtype)
        c = np.zeros((N, H), X.dtype)
        steps = []
        for t in range(T):
            x = X[:, t, :]
            a = x @ p["weight_ih"].T + p["bias_ih"] + h @ p["weight_hh"].T + p["bias_hh"]
            i = _sigmoid(a[:, 0:H])
            f = _sigmoid(a[:, H:2 * H])
            g = np.tanh(a[:, 2 * H:3 * H])
            o = _sigmoid(a[:, 3 * H:4 * H])
            c_new = f * c + i * g
            h_new = o * np.tanh(c_new)
            steps.append({"x": x, "h": h, "c": c, "i": i, "f": f, "g": g, "o": o, "c_new": c_new})
            h, c = h_new, c_new
        pred = h @ p["w_out"].T + p["b_out"]
        return pred, h, steps

    def loss(self, X, y):
        pred = self._run(X)[0]
        return np.mean((pred - y) ** 2)

    def _backprop(self, X, y):
        p, H = self.p, self.hidden
        pred, hT, steps = self._run(X)
        err = pred - y
        loss = np.mean(err ** 2)
        dpred = (2.0 / err.size) * err                       # (N, 1)

        grads = {k: np.zeros_like(v) for k, v in p.items()}
        grads["w_out"] = dpred.T @ hT
        grads["b_out"] = dpred.mean(axis=0)
        dh = dpred @ p["w_out"]
        dc_next = np.zeros_like(dh)
        for s in reversed(steps):
            tanh_c = np.tanh(s["c_new"])
            dc = dc_next + dh * s["o"] * (1.0 - tanh_c * tanh_c)
            da = np.empty((dh.shape[0], 4 * H), dh.dtype)
            da[:, 0:H] = dc * s["g"] * s["i"] * (1.0 - s["i"])
            da[:, H:2 * H] = dc * s["c"] * s["f"] * (1.0 - s["f"])
            da[:, 2 * H:3 * H] = dc * s["i"] * (1.0 - s["g"] * s["g"])
            da[:, 3 * H:4 * H] = dh * tanh_c * s["o"] * (1.0 - s["o"])
            grads["weight_ih"] += da.T @ s["x"]
            grads["weight_hh"] += da.T @ s["h"]
            grads["bias_ih"] += da.sum(axis=0)
            grads["bias_hh"] += da.sum(axis=0)
            dh = da @ p["weight_hh"]
            dc_next = dc * s["f"]
        self.grads = grads
        return loss

    def _clip_global_norm(self):
        sq = 0.0
        for g in self.grads.values():
            sq += float((g ** 2).sum())
        norm = sq ** 0.5
        scale = self.clip_norm / (norm + 1e-6)
        if scale < 1.0:
            self.grads = {k: g * scale for k, g in self.grads.items()}
        self.last_norm = norm

    def _adam_step(self):
        self.step += 1
        for k in self.p:
            g = self.grads[k]
            self.adam_m[k] = self.b1 * self.adam_m[k] + (1.0 - self.b1) * g
            self.adam_v[k] = self.b2 * self.adam_v[k] + (1.0 - self.b2) * (g * g)
            mhat = self.adam_m[k] / (1.0 - self.b1 ** self.step)
            vhat = self.adam_v[k] / (1.0 - self.b2 ** self.step)
            self.p[k] = self.p[k] - self.lr * mhat / (np.sqrt(vhat) + self.eps)

    def train_step(self, X, y):
        loss = self._backprop(X, y)
        self._clip_global_norm()
        self._adam_step()
        return float(loss)
