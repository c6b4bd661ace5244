"""Bug: the dropout backward multiplies by the mask but forgets the 1/keep scale.

NumPy classifier with DropConnect on W1 and inverted dropout on the hidden layer.

x (N,6) -> z1 = x @ (W1 * M/0.75) + b1 -> h = relu(z1) -> hd = h * D/0.8
        -> logits = hd @ W2 + b2 (3 classes) -> softmax cross-entropy, mean over rows.
M (DropConnect, keep 0.75) and D (dropout, keep 0.8) are the masks of step self.t,
read from a.npz. SGD with momentum 0.9 (torch's form: v = mu v + g; W -= lr v), lr 0.1.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class DropConnectNet:
    def __init__(self, data=os.path.join(HERE, "a.npz"), n_in=6, n_hidden=8, n_out=3,
                 lr=0.1, momentum=0.9, dc_keep=0.75, drop_keep=0.8):
        d = np.load(data)
        self.dc_mask = d["dc_mask"]
        self.drop_mask = d["drop_mask"]
        rng = np.random.default_rng(0)
        self.params = {
            "W1": rng.normal(0, 1 / np.sqrt(n_in), size=(n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 1 / np.sqrt(n_hidden), size=(n_hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.momentum = lr, momentum
        self.dc_keep, self.drop_keep = dc_keep, drop_keep
        self.t = 0

    def forward(self, X):
        p = self.params
        M = self.dc_mask[self.t].astype(p["W1"].dtype)
        D = self.drop_mask[self.t].astype(p["W1"].dtype)
        W1m = p["W1"] * M / self.dc_keep
        z1 = X @ W1m + p["b1"]
        h = np.maximum(z1, 0)
        hd = h * D / self.drop_keep
        logits = hd @ p["W2"] + p["b2"]
        self.cache = (X, M, D, z1, hd)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, logits, y):
        p = self.params
        X, M, D, z1, hd = self.cache
        N = X.shape[0]
        s = logits - logits.max(axis=1, keepdims=True)
        prob = np.exp(s)
        prob /= prob.sum(axis=1, keepdims=True)
        dlogits = prob.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g = {}
        g["W2"] = hd.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dhd = dlogits @ p["W2"].T
        dh = dhd * D
        dz1 = dh * (z1 > 0)
        g["b1"] = dz1.sum(axis=0)
        dW1m = X.T @ dz1
        g["W1"] = dW1m * M / self.dc_keep
        return g

    def train_step(self, X, y):
        logits = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(y)), y].mean()
        self.grads = self.backward(logits, y)
        for k in self.params:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            self.params[k] -= self.lr * self.velocity[k]
        self.t += 1
        return loss
