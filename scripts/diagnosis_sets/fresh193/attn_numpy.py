"""Set classifier with attention pooling (a learned query, masked softmax), from scratch in NumPy.

    X: float (N, S, 5), the last feature the element mask m (1 real, 0 padding); y: float (N,) 0/1.

    phi:    e_i   = tanh(x_i @ W_phi + b_phi)                         (N, S, 16)
    scores: s_i   = e_i . q / sqrt(16), padding set to -inf           (N, S)
    attn:   a     = softmax over the set of s                         (N, S)
    pool:   p     = sum_i a_i e_i                                     (N, 16)
    rho:    z     = tanh(p @ W_rho + b_rho) @ W_out + b_out           (N, 1) -> logit (N,)
    loss  = binary cross-entropy with logits, mean over the batch

Plain SGD (lr 0.5) with coupled weight decay 1e-3, as torch.optim.SGD(weight_decay=1e-3).

Parameters are attributes, weights kept (in, out): W_phi (4, 16), b_phi (16,), q (16,),
W_rho (16, 8), b_rho (8,), W_out (8, 1), b_out (1,). Gradients in self.grads keyed by those names.
"""

import math

import numpy as np

NAMES = ("W_phi", "b_phi", "q", "W_rho", "b_rho", "W_out", "b_out")


class AttnPool:
    def __init__(self, d_in=4, hidden=16, rho_hidden=8, lr=0.5, weight_decay=1e-3, seed=2):
        rng = np.random.default_rng(seed)
        self.W_phi = rng.normal(0.0, 1.0 / math.sqrt(d_in), (d_in, hidden))
        self.b_phi = np.zeros(hidden)
        self.q = rng.normal(0.0, 1.0, hidden)
        self.W_rho = rng.normal(0.0, 1.0 / math.sqrt(hidden), (hidden, rho_hidden))
        self.b_rho = np.zeros(rho_hidden)
        self.W_out = rng.normal(0.0, 1.0 / math.sqrt(rho_hidden), (rho_hidden, 1))
        self.b_out = np.zeros(1)
        self.grads = {}
        self.lr = lr
        self.weight_decay = weight_decay
        self.scale = 1.0 / math.sqrt(hidden)

    def _forward(self, X):
        x, m = X[..., :-1], X[..., -1]
        e = np.tanh(x @ self.W_phi + self.b_phi)                   # (N, S, H)
        s = (e @ self.q) * self.scale                             # (N, S)
        s = np.where(m > 0, s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        pooled = (a[..., None] * e).sum(axis=1)                   # (N, H)
        r = np.tanh(pooled @ self.W_rho + self.b_rho)
        z = (r @ self.W_out + self.b_out)[:, 0]
        return z, (x, e, a, pooled, r)

    @staticmethod
    def _bce(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce(self._forward(X)[0], y)

    def backward(self, X, y):
        z, (x, e, a, pooled, r) = self._forward(X)
        loss = self._bce(z, y)
        N = X.shape[0]
        g = self.grads

        dz = ((1.0 / (1.0 + np.exp(-z)) - y) / N)[:, None]       # (N, 1)
        g["W_out"] = r.T @ dz
        g["b_out"] = dz.sum(axis=0)
        dpre = (dz @ self.W_out.T) * (1.0 - r ** 2)
        g["W_rho"] = pooled.T @ dpre
        g["b_rho"] = dpre.sum(axis=0)
        dpooled = dpre @ self.W_rho.T                             # (N, H)

        de = a[..., None] * dpooled[:, None, :]                   # through the weighted sum
        da = np.einsum("nsh,nh->ns", e, dpooled)
        ds = a * (da - (a * da).sum(axis=1, keepdims=True))       # softmax backward
        de += ds[..., None] * (self.q * self.scale)
        g["q"] = np.einsum("ns,nsh->h", ds, e) * self.scale
        dh = de * (1.0 - e ** 2)
        g["W_phi"] = np.einsum("nsd,nsh->dh", x, dh)
        g["b_phi"] = dh.sum(axis=(0, 1))
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for name in NAMES:
            p = getattr(self, name)
            p -= self.lr * (self.grads[name] + self.weight_decay * p)
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "attn.npz"))
    net = AttnPool()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
