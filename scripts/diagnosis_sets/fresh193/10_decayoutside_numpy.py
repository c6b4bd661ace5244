"""DeepSets regression with a masked mean pool, from scratch in NumPy.

    X: float (N, S, 4), the last feature the element mask m (1 real, 0 padding); y: float (N,).

    phi:  e   = tanh(relu(x @ phi_W1 + phi_b1) @ phi_W2 + phi_b2)        per element (N, S, 16)
    pool: p   = sum_i m_i e_i / sum_i m_i                                 masked mean (N, 16)
    rho:  out = relu(p @ rho_W1 + rho_b1) @ rho_W2 + rho_b2               (N, 1) -> pred (N,)
    loss = mean((pred - y)^2)

SGD with momentum 0.9 and coupled weight decay 1e-3 on every parameter, as torch.optim.SGD:
g += wd * p; v = mu * v + g; p -= lr * v.

Parameters (self.params), weights kept (in, out); velocity in self.velocity.
"""

import math

import numpy as np


class DeepSetMean:
    def __init__(self, d_in=3, hidden=16, latent=16, rho_hidden=16, lr=0.05, momentum=0.9,
                 weight_decay=1e-3, seed=0):
        rng = np.random.default_rng(seed)

        def linear(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return (rng.uniform(-bound, bound, (fan_in, fan_out)),
                    rng.uniform(-bound, bound, fan_out))

        self.params = {}
        for prefix, (i, o) in (("phi_", (d_in, hidden)), ("phi_", (hidden, latent)),
                               ("rho_", (latent, rho_hidden)), ("rho_", (rho_hidden, 1))):
            k = 2 if prefix + "W1" in self.params else 1
            W, b = linear(i, o)
            self.params[f"{prefix}W{k}"] = W
            self.params[f"{prefix}b{k}"] = b
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay

    def _forward(self, X):
        p = self.params
        x, m = X[..., :-1], X[..., -1]
        z1 = x @ p["phi_W1"] + p["phi_b1"]
        a1 = np.maximum(z1, 0)
        e = np.tanh(a1 @ p["phi_W2"] + p["phi_b2"])
        count = m.sum(axis=1, keepdims=True)
        pooled = (e * m[..., None]).sum(axis=1) / count
        r1 = pooled @ p["rho_W1"] + p["rho_b1"]
        h = np.maximum(r1, 0)
        pred = (h @ p["rho_W2"] + p["rho_b2"])[:, 0]
        return pred, (x, m, z1, a1, e, count, pooled, r1, h)

    def loss(self, X, y):
        pred = self._forward(X)[0]
        return np.mean((pred - y) ** 2)

    def backward(self, X, y):
        p, g = self.params, self.grads
        pred, (x, m, z1, a1, e, count, pooled, r1, h) = self._forward(X)
        N = X.shape[0]
        loss = np.mean((pred - y) ** 2)

        dout = (2.0 / N * (pred - y))[:, None]                 # (N, 1)
        g["rho_W2"] = h.T @ dout
        g["rho_b2"] = dout.sum(axis=0)
        dr1 = (dout @ p["rho_W2"].T) * (r1 > 0)
        g["rho_W1"] = pooled.T @ dr1
        g["rho_b1"] = dr1.sum(axis=0)
        dpooled = dr1 @ p["rho_W1"].T                          # (N, latent)

        de = (m / count)[..., None] * dpooled[:, None, :]      # (N, S, latent)
        dz2 = de * (1.0 - e ** 2)
        H, L = a1.shape[-1], e.shape[-1]
        g["phi_W2"] = a1.reshape(-1, H).T @ dz2.reshape(-1, L)
        g["phi_b2"] = dz2.sum(axis=(0, 1))
        dz1 = (dz2 @ p["phi_W2"].T) * (z1 > 0)
        g["phi_W1"] = x.reshape(-1, x.shape[-1]).T @ dz1.reshape(-1, H)
        g["phi_b1"] = dz1.sum(axis=(0, 1))
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * (self.velocity[k] + self.weight_decay * p)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mean.npz"))
    net = DeepSetMean()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss)
