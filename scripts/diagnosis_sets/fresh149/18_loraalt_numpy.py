"""A LoRA-adapted layer with a max-norm regression head, from scratch in NumPy.

The first layer is "pretrained" and frozen (W0 (16, 8), b0 (16,) read from
lora_init.npz); it is adapted by a rank-4 update B @ A scaled by alpha / r:

    W    = W0 + (alpha / r) * B @ A      A (4, 8) read from lora_init.npz, B (16, 4) zeros
    h    = tanh(X @ W.T + b0)            (N, 16)
    out  = h @ W2.T + b2                 (N, 4), W2 kept (out, in) = (4, 16)
    loss = mean((out - y) ** 2)          over every element

Only A, B, W2 and b2 are trained, with Adam written as torch.optim.Adam
(lr 0.01, betas 0.9, 0.999, eps 1e-8). After each update the head is held to
a max-norm constraint: the incoming weights of each output unit (each row
of W2, kept here (out, in) as nn.Linear keeps it) are scaled back onto the
ball of radius 0.8 when they leave it. Adam's bias corrections are folded
into the step size and the denominator, as torch.optim.Adam computes them.

Trained parameters (self.params): A (4, 8), B (16, 4), W2 (4, 16), b2 (4,).
Frozen: self.W0, self.b0.  Optimizer state: self.m, self.v, step count self.t.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class LoRANet:
    def __init__(self, rank=4, alpha=8.0, n_out=4, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.8, seed=0):
        init = np.load(os.path.join(HERE, "lora_init.npz"))
        rng = np.random.default_rng(seed)
        self.W0 = init["W0"].copy()
        self.b0 = init["b0"].copy()
        hidden = self.W0.shape[0]
        self.scale = alpha / rank
        self.params = {
            "A": init["A"].copy(),
            "B": np.zeros((hidden, rank), dtype=self.W0.dtype),
            "W2": (rng.standard_normal((n_out, hidden)) * 0.8 / np.sqrt(hidden)).astype(self.W0.dtype),
            "b2": np.zeros(n_out, dtype=self.W0.dtype),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.max_norm = max_norm

    def _forward(self, X):
        p = self.params
        W = self.W0 + self.scale * (p["B"] @ p["A"])
        h = np.tanh(X @ W.T + self.b0)
        out = h @ p["W2"].T + p["b2"]
        return out, h

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out, h = self._forward(X)
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / out.size
        self.grads["W2"] = dout.T @ h
        self.grads["b2"] = dout.sum(axis=0)
        dz = (dout @ p["W2"]) * (1 - h * h)                   # (N, 16)
        dW = dz.T @ X                                           # (16, 8), gradient of the merged weight
        self.grads["B"] = self.scale * (dW @ p["A"].T)
        self.grads["A"] = self.scale * (p["B"].T @ dW)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def apply_max_norm(self):
        W2 = self.params["W2"]
        norms = np.linalg.norm(W2, axis=1, keepdims=True)      # (4, 1): one per output unit
        W2 *= np.where(norms > self.max_norm, self.max_norm / norms, 1.0)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.apply_max_norm()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "lora.npz"))
    net = LoRANet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, loss, np.linalg.norm(net.params["W2"], axis=1))
