"""The Elman classifier of elman_numpy.py with all its parameters in one flat vector self.theta
and each weight an attribute that is a view into it (Wxh, Whh, bh, Why, by), the gradients in one
flat vector with views of the same shapes (self.grads), the backward written from the stored
pre-activations (tanh' = 1 / cosh^2), the loss as np.logaddexp(0, z) - z y, and momentum kept in
the Sutskever form: step = MOMENTUM * step - LR * (g + WD * theta), theta += step (the same
trajectory as torch's buffer form at a constant learning rate; the buffer is -LR times torch's).

    X: float (n, 16), y: float (n, 1) 0/1 labels
"""

import numpy as np

T, D, H = 8, 2, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
SHAPES = [("Wxh", (D, H)), ("Whh", (H, H)), ("bh", (H,)), ("Why", (H, 1)), ("by", (1,))]


def carve(flat):
    out, at = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class ElmanFlat:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        total = sum(int(np.prod(s)) for _, s in SHAPES)
        self.theta = rng.uniform(-0.3, 0.3, total)
        for name, view in carve(self.theta).items():
            setattr(self, name, view)
        self.grad_flat = np.zeros_like(self.theta)
        self.grads = carve(self.grad_flat)
        self.step_buf = np.zeros_like(self.theta)

    def _forward(self, X):
        seq = X.reshape(-1, T, D)
        h = np.zeros((seq.shape[0], H), dtype=self.theta.dtype)
        pres, states = [], [h]
        for t in range(T):
            pre = seq[:, t] @ self.Wxh + h @ self.Whh + self.bh
            h = np.tanh(pre)
            pres.append(pre)
            states.append(h)
        return (h @ self.Why + self.by), seq, pres, states

    def loss(self, X, y):
        z = self._forward(X)[0]
        return np.mean(np.logaddexp(0.0, z) - z * y)

    def train_step(self, X, y):
        z, seq, pres, states = self._forward(X)
        loss = np.mean(np.logaddexp(0.0, z) - z * y)
        self.grad_flat[:] = 0.0
        g = self.grads
        dz = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / z.shape[0]
        g["Why"] += states[-1].T @ dz
        g["by"] += dz.sum(axis=0)
        dh = dz @ self.Why.T
        for t in range(T - 1, -1, -1):
            dpre = dh / np.cosh(pres[t]) ** 2
            g["Wxh"] += seq[:, t].T @ dpre
            g["Whh"] += states[t].T @ dpre
            g["bh"] += dpre.sum(axis=0)
            dh = dpre @ self.Whh.T
        self.step_buf *= MOMENTUM
        self.step_buf -= LR * (self.grad_flat + WD * self.theta)
        self.theta += self.step_buf
        return float(loss)
