"""lw_numpy.py written another way: a list of layer dicts, each carrying its own settings.

Same network and training (6 -> 16 -> 12 -> 3 tanh, softmax cross-entropy, SGD momentum 0.9,
rates 0.05 / 0.1 / 0.2 from the bottom up, weight decay 1e-3 on weights only, first layer
frozen for the first 5 steps). Each layer holds W, b, its velocities vW, vb, its rate and a
`trainable` flag; a frozen layer gets no backward pass and no update.
"""

import numpy as np


class LayerwiseMLP:
    def __init__(self, sizes=(6, 16, 12, 3), base_lr=0.2, layer_decay=0.5, momentum=0.9,
                 weight_decay=1e-3, freeze_first=5, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            W = rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)
            b = rng.uniform(-0.1, 0.1, fan_out)
            self.layers.append({"W": W, "b": b})
        depth = len(self.layers)
        for i, layer in enumerate(self.layers):
            layer["lr"] = base_lr * layer_decay ** (depth - 1 - i)
            layer["vW"] = np.zeros_like(layer["W"])
            layer["vb"] = np.zeros_like(layer["b"])
            layer["trainable"] = True
        self.mu = momentum
        self.wd = weight_decay
        self.freeze_first = freeze_first
        self.steps = 0

    def train_step(self, X, y):
        self.layers[0]["trainable"] = self.steps >= self.freeze_first
        # forward, keeping each layer's input
        inputs = []
        a = X
        for i, layer in enumerate(self.layers):
            inputs.append(a)
            z = a @ layer["W"] + layer["b"]
            a = np.tanh(z) if i < len(self.layers) - 1 else z
        logits = a
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        N = X.shape[0]
        loss = -np.log(probs[np.arange(N), y]).mean()

        # backward, top down, stopping at a frozen layer
        delta = probs
        delta[np.arange(N), y] -= 1
        delta /= N
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            if not layer["trainable"]:
                break
            grads[i] = (inputs[i].T @ delta, delta.sum(axis=0))
            if i > 0:
                delta = (delta @ layer["W"].T) * (1 - inputs[i] ** 2)

        # per-layer SGD with momentum, weight decay on W only
        for layer, g in zip(self.layers, grads):
            if g is None:
                continue
            gW = g[0] + self.wd * layer["W"]
            gb = g[1]
            layer["vW"] = self.mu * layer["vW"] + gW
            layer["vb"] = self.mu * layer["vb"] + gb
            layer["W"] -= layer["lr"] * layer["vW"]
            layer["b"] -= layer["lr"] * layer["vb"]
        self.steps += 1
        return float(loss)
