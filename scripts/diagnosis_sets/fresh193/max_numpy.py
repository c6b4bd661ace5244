"""DeepSets classifier with a masked max pool, from scratch in NumPy, trained by Adam.

    X: float (N, S, 3), the last feature the element mask m (1 real, 0 padding); y: int64 (N,).

    phi:    e      = relu(x @ Wa.T + ba) @ Wb.T + bb                  per element (N, S, 16)
    pool:   pooled = max over the real elements of e, per unit        (N, 16)
            (padding set to -inf; the gradient goes to the argmax element only)
    rho:    logits = relu(pooled @ Wc.T + bc) @ Wd.T + bd             (N, 3)
    loss  = softmax cross-entropy, mean over the batch

Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8, bias-corrected) with L2 weight decay 5e-4 added
to the gradient, as torch.optim.Adam(weight_decay=5e-4).

Parameters (self.params) in torch's (out, in) layout; moments self.m, self.v, step count self.t.
"""

import math

import numpy as np


class DeepSetMax:
    def __init__(self, d_in=2, hidden=24, latent=16, rho_hidden=16, classes=3, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=5e-4, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {}
        for (w, b), (fan_in, fan_out) in zip((("Wa", "ba"), ("Wb", "bb"), ("Wc", "bc"), ("Wd", "bd")),
                                             ((d_in, hidden), (hidden, latent),
                                              (latent, rho_hidden), (rho_hidden, classes))):
            self.params[w] = rng.standard_normal((fan_out, fan_in)) * math.sqrt(2.0 / fan_in)
            self.params[b] = 0.1 * rng.standard_normal(fan_out)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay

    def _forward(self, X):
        p = self.params
        x, mask = X[..., :-1], X[..., -1]
        z1 = x @ p["Wa"].T + p["ba"]
        a1 = np.maximum(z1, 0)
        e = a1 @ p["Wb"].T + p["bb"]                              # (N, S, L)
        masked = np.where(mask[..., None] > 0, e, -np.inf)
        idx = masked.argmax(axis=1)                               # (N, L)
        pooled = np.take_along_axis(e, idx[:, None, :], axis=1)[:, 0, :]
        r = pooled @ p["Wc"].T + p["bc"]
        h = np.maximum(r, 0)
        logits = h @ p["Wd"].T + p["bd"]
        return logits, (x, z1, a1, e, idx, pooled, r, h)

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._softmax_ce(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p, g = self.params, self.grads
        logits, (x, z1, a1, e, idx, pooled, r, h) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        N = X.shape[0]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g["Wd"] = dlogits.T @ h
        g["bd"] = dlogits.sum(axis=0)
        dr = (dlogits @ p["Wd"]) * (r > 0)
        g["Wc"] = dr.T @ pooled
        g["bc"] = dr.sum(axis=0)
        dpooled = dr @ p["Wc"]                                    # (N, L)

        de = np.zeros_like(e)
        np.put_along_axis(de, idx[:, None, :], dpooled[:, None, :], axis=1)
        g["Wb"] = np.einsum("nsl,nsh->lh", de, a1)
        g["bb"] = de.sum(axis=(0, 1))
        dz1 = (de @ p["Wb"]) * (z1 > 0)
        g["Wa"] = np.einsum("nsh,nsd->hd", dz1, x)
        g["ba"] = dz1.sum(axis=(0, 1))
        return loss

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            grad = self.grads[k] + self.weight_decay * p
            self.m[k] = b1 * self.m[k] + (1 - b1) * grad
            self.v[k] = b2 * self.v[k] + (1 - b2) * grad * grad
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "max.npz"))
    net = DeepSetMax()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
