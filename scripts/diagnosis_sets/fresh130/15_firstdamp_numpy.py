"""A ReLU classifier with inverted dropout, trained with dampened momentum SGD and a
triangular cyclical learning rate (Smith 2017), all in NumPy.

X (N, 8) -> h = relu(X @ W1 + b1) -> inverted dropout (keep prob 0.75; the keep-masks
are fixed as data in clr_masks.npz, mask t % 32 at update t) -> logits = hd @ W2 + b2
-> softmax cross-entropy averaged over the rows. Full batch (64 rows).

The update is torch.optim.SGD(momentum=0.9, dampening=0.5):
    v = g on the first step, then v = mu * v + (1 - dampening) * g;   p -= lr * v
The learning rate of update t (t = 0, 1, ...) is triangular between base_lr and max_lr
with a half-cycle of step_size_up updates:
    cycle = floor(1 + t / (2 * step_size_up));  x = |t / step_size_up - 2 * cycle + 1|
    lr = base_lr + (max_lr - base_lr) * max(0, 1 - x)
(torch.optim.lr_scheduler.CyclicLR, mode='triangular', cycle_momentum=False).

Parameters: self.params W1 (8, 24), b1 (24,), W2 (24, 4), b2 (4,).
Optimizer state: self.velocity, self.t.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class CyclicDropoutNet:
    def __init__(self, n_in=8, hidden=24, n_out=4, p_drop=0.25, base_lr=0.02, max_lr=0.3,
                 step_size_up=4, momentum=0.9, dampening=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in),
            "b1": np.full(hidden, 0.05),
            "W2": rng.standard_normal((hidden, n_out)) / math.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.masks = np.load(os.path.join(HERE, "clr_masks.npz"))["masks"]
        self.p_drop = p_drop
        self.base_lr, self.max_lr, self.step_size_up = base_lr, max_lr, step_size_up
        self.momentum, self.dampening = momentum, dampening
        self.t = 0

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0)
        keep = self.masks[self.t % len(self.masks)][: X.shape[0]].astype(h.dtype) / (1 - self.p_drop)
        hd = h * keep
        logits = hd @ p["W2"] + p["b2"]
        return logits, (z1, keep, hd)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax(logits):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        probs = self._softmax(self.forward(X))
        return -np.log(probs[np.arange(len(y)), y]).mean()

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (z1, keep, hd) = self._forward(X)
        probs = self._softmax(logits)
        loss = -np.log(probs[np.arange(N), y]).mean()
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W2"] = hd.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dhd = dlogits @ p["W2"].T
        dz1 = dhd * keep * (z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def learning_rate(self, t):
        cycle = math.floor(1 + t / (2 * self.step_size_up))
        x = abs(t / self.step_size_up - 2 * cycle + 1)
        return self.base_lr + (self.max_lr - self.base_lr) * max(0.0, 1 - x)

    def update(self):
        lr = self.learning_rate(self.t)
        for k, p in self.params.items():
            g = self.grads[k]
            if self.t == 0:
                self.velocity[k] = (1 - self.dampening) * g  # fix: self.velocity[k] = g.copy()
            else:
                self.velocity[k] = self.momentum * self.velocity[k] + (1 - self.dampening) * g
            p -= lr * self.velocity[k]
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "clr.npz"))
    net = CyclicDropoutNet()
    for step in range(40):
        loss = net.train_step(data["X"], data["y"])
        if step % 8 == 0:
            print(step, round(net.learning_rate(step), 4), loss)
