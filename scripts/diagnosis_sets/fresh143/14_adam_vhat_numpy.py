"""A maxout / learnable-swish / ELU regressor with a hard-sigmoid output, from scratch in NumPy.

    z1 = X @ W1 + b1                   (N, 24), read as (N, 8, 3): 8 maxout units of 3 pieces
    h1 = max over the 3 pieces         (N, 8); its gradient goes to the winning piece only
    z2 = h1 @ W2 + b2                  (N, 10)
    h2 = z2 * sigmoid(beta * z2)       swish with a learned beta (10,), one per unit
    z3 = h2 @ W3 + b3                  (N, 6)
    h3 = elu(z3, alpha=0.5)            z where z > 0, alpha * (exp(z) - 1) elsewhere
    z4 = h3 @ W4 + b4                  (N, 1)
    out = hardsigmoid(z4)              clip(z4 / 6 + 1/2, 0, 1), as torch.nn.functional.hardsigmoid
    loss = mean((out - y) ** 2)

Derivatives, with s = sigmoid(beta * z2):
    d h2 / d z2   = s + beta * z2 * s * (1 - s)
    d h2 / d beta = z2 ** 2 * s * (1 - s)
    d elu / d z3  = 1 where z3 > 0, h3 + alpha elsewhere
    d out / d z4  = 1/6 strictly inside (-3, 3), 0 outside

Adam as torch.optim.Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8, bias-corrected).

    X: float (N, 5), y: float (N, 1) in [0, 1].
Parameters (self.params): W1 (5, 24), b1 (24,), W2 (8, 10), b2 (10,), beta (10,),
W3 (10, 6), b3 (6,), W4 (6, 1), b4 (1,).
Optimizer state: self.m, self.v keyed like the parameters, the step count self.t.
"""

import os

import numpy as np


class SwishMaxout:
    def __init__(self, n_in=5, units=8, pieces=3, n2=10, n3=6, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, alpha=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.units, self.pieces = units, pieces
        self.params = {
            "W1": rng.standard_normal((n_in, units * pieces)) / np.sqrt(n_in),
            "b1": 0.1 * rng.standard_normal(units * pieces),
            "W2": rng.standard_normal((units, n2)) / np.sqrt(units),
            "b2": 0.1 * rng.standard_normal(n2),
            "beta": np.ones(n2),
            "W3": rng.standard_normal((n2, n3)) / np.sqrt(n2),
            "b3": 0.1 * rng.standard_normal(n3),
            "W4": rng.standard_normal((n3, 1)) / np.sqrt(n3),
            "b4": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.alpha = alpha

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        N = X.shape[0]
        z1 = X @ p["W1"] + p["b1"]
        zr = z1.reshape(N, self.units, self.pieces)
        h1 = zr.max(axis=2)
        z2 = h1 @ p["W2"] + p["b2"]
        s = 1.0 / (1.0 + np.exp(-p["beta"] * z2))
        h2 = z2 * s
        z3 = h2 @ p["W3"] + p["b3"]
        h3 = np.where(z3 > 0, z3, self.alpha * np.expm1(np.minimum(z3, 0)))
        z4 = h3 @ p["W4"] + p["b4"]
        out = np.clip(z4 / 6.0 + 0.5, 0.0, 1.0)
        return out, (zr, h1, z2, s, h2, z3, h3, z4)

    def loss(self, X, y):
        out, _ = self._forward(X)
        return np.mean((out - y) ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        out, (zr, h1, z2, s, h2, z3, h3, z4) = self._forward(X)
        N = X.shape[0]
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / y.size
        dz4 = dout * ((z4 > -3.0) & (z4 < 3.0)) / 6.0
        g["W4"] = h3.T @ dz4
        g["b4"] = dz4.sum(axis=0)
        dh3 = dz4 @ p["W4"].T
        dz3 = dh3 * np.where(z3 > 0, 1.0, h3 + self.alpha)
        g["W3"] = h2.T @ dz3
        g["b3"] = dz3.sum(axis=0)
        dh2 = dz3 @ p["W3"].T
        g["beta"] = (dh2 * z2 * z2 * s * (1.0 - s)).sum(axis=0)
        dz2 = dh2 * (s + p["beta"] * z2 * s * (1.0 - s))
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        # maxout: the gradient goes to the piece that won
        win = zr.argmax(axis=2)
        mask = np.arange(self.pieces) == win[:, :, None]
        dz1 = (dh1[:, :, None] * mask).reshape(N, -1)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * self.grads[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * self.grads[k] ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k]  # fix: v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "swish.npz"))
    X, y = data["X"], data["y"]
    net = SwishMaxout()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
