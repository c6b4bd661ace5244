"""The step-decay classifier of step_numpy.py written another way (same computation).

A list of Dense layer objects with weights kept (in, out) (x @ W); soft targets for the
label-smoothed cross-entropy; velocities kept on the layers and updated in place;
the learning rate halved in place every 5 updates, as StepLR does.
"""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng, last=False):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))
        self.b = rng.normal(0.0, 0.05, size=n_out)
        self.last = last
        self.vW = np.zeros_like(self.W)
        self.vb = np.zeros_like(self.b)

    def forward(self, x):
        self.x = x
        z = x @ self.W + self.b
        self.out = z if self.last else np.tanh(z)
        return self.out

    def backward(self, dout):
        dz = dout if self.last else dout * (1.0 - self.out * self.out)
        self.dW = self.x.T @ dz
        self.db = dz.sum(axis=0)
        return dz @ self.W.T


class LayerStepNet:
    def __init__(self, sizes=(6, 16, 16, 3), lr=0.2, momentum=0.9, clip=0.02, smoothing=0.2,
                 step_size=5, gamma=0.5, seed=7):
        rng = np.random.default_rng(seed)
        n = len(sizes) - 1
        self.layers = [Dense(sizes[i], sizes[i + 1], rng, last=(i == n - 1)) for i in range(n)]
        self.lr, self.momentum, self.clip = lr, momentum, clip
        self.smoothing, self.step_size, self.gamma = smoothing, step_size, gamma
        self.count = 0

    def predict(self, X):
        a = X
        for layer in self.layers:
            a = layer.forward(a)
        return a

    def _soft_targets(self, y, like):
        K = like.shape[1]
        t = np.full_like(like, self.smoothing / K)
        t[np.arange(len(y)), y] += 1.0 - self.smoothing
        return t

    def loss(self, X, y):
        logits = self.predict(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -(self._soft_targets(y, logp) * logp).sum(axis=1).mean()

    def train_step(self, X, y):
        loss = self.loss(X, y)
        logits = self.layers[-1].out
        s = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = s / s.sum(axis=1, keepdims=True)
        grad = (probs - self._soft_targets(y, probs)) / len(y)
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        for layer in self.layers:
            for p, g, v in ((layer.W, layer.dW, layer.vW), (layer.b, layer.db, layer.vb)):
                np.clip(g, -self.clip, self.clip, out=g)
                v *= self.momentum
                v += g
                p -= self.lr * v
        self.count += 1
        if self.count % self.step_size == 0:
            self.lr *= self.gamma
        return float(loss)
