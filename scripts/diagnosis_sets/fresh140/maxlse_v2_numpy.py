"""Max-over-time and log-sum-exp pooling over padded sequences (variant of maxlse_numpy.py): weights
kept (out, in) as nn.Linear keeps them, the max routed back through an equality mask, the LSE
computed and differentiated through an explicit softmax; SGD with L2 weight decay.

    x_t, m_t = X[:, t, :-1], X[:, t, -1]             steps and their validity flag (1 real, 0 padding)
    h_t  = tanh(x_t @ W1 + b1)                       (N, T, H)
    mx   = max over the real steps of h              (N, H); backward routed to the argmax step
    lse  = (log(sum_real exp(r h_t)) - log n) / r    (N, H); r = 4 the temperature, n the real steps
    f    = [mx, lse]                                 (N, 2H)
    z    = f @ Wo + bo                               (N, K) logits
    loss = mean binary cross-entropy with logits over all N*K entries

Parameters (self.params): W1 (H, D), b1 (H,), Wo (K, 2H), bo (K,).
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
            "W1": rng.standard_normal((hidden, n_in)) / math.sqrt(n_in),
            "b1": rng.uniform(-0.3, 0.3, hidden),
            "Wo": rng.standard_normal((n_out, 2 * hidden)) / math.sqrt(2 * hidden),
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
        h = np.tanh(x @ P["W1"].T + P["b1"])                    # (N, T, H)
        hm = np.where(mask, h, -np.inf)
        mx = hm.max(axis=1)                                     # (N, H)
        is_max = hm == mx[:, None, :]
        r = TEMP * hm
        r = r - r.max(axis=1, keepdims=True)
        w = np.exp(r)                                           # 0 on padding
        w = w / w.sum(axis=1, keepdims=True)                    # softmax of r h over real steps
        n = mask.sum(axis=1).astype(h.dtype)                    # (N, 1)
        lse = (TEMP * mx + np.log(np.exp(r).sum(axis=1)) - np.log(n)) / TEMP
        f = np.concatenate([mx, lse], axis=1)
        z = f @ P["Wo"].T + P["bo"]
        return z, (x, h, is_max, w, f)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _bce(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce(self.forward(X), y)

    def backward(self, X, y):
        P = self.params
        z, (x, h, is_max, w, f) = self._forward(X)
        loss = self._bce(z, y)
        N, T, H = h.shape

        dz = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / z.size
        self.grads["Wo"] = dz.T @ f
        self.grads["bo"] = dz.sum(axis=0)
        df = dz @ P["Wo"]
        dmx, dlse = df[:, :H], df[:, H:]

        dh = w * dlse[:, None, :] + is_max * dmx[:, None, :]
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = np.einsum("nth,ntd->hd", dpre, x)
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
