"""Regression MLP 5 -> 16 (LeakyReLU 0.1) -> 12 (softplus) -> 2 trained on the smooth L1
(Huber-like) loss with beta 0.5, mean over every element, with centered RMSprop with momentum
(lr 0.005, alpha 0.9, eps 1e-8, momentum 0.9), as torch.optim.RMSprop(centered=True).

self.layers is a list of dicts {'W': (out, in), 'b': (out,)}; the optimizer state lives in
self.state, a list of dicts per layer.
"""

import numpy as np


class HuberRegressor:
    def __init__(self, sizes=(5, 16, 12, 2), beta=0.5, lr=0.005, alpha=0.9, eps=1e-8,
                 momentum=0.9, slope=0.1, seed=2):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / np.sqrt(fan_in)
            self.layers.append({"W": rng.uniform(-bound, bound, (fan_out, fan_in)),
                                "b": rng.uniform(-bound, bound, fan_out)})
        self.beta = beta
        self.slope = slope
        self.lr, self.alpha, self.eps, self.momentum = lr, alpha, eps, momentum
        self.state = [{name: {k: np.zeros_like(v) for k, v in layer.items()}
                       for name in ("square_avg", "grad_avg", "momentum_buffer")}
                      for layer in self.layers]
        self.grads = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]

    def forward(self, X):
        L = self.layers
        self.z1 = X @ L[0]["W"].T + L[0]["b"]
        self.h1 = np.where(self.z1 > 0, self.z1, self.slope * self.z1)
        self.z2 = self.h1 @ L[1]["W"].T + L[1]["b"]
        self.h2 = np.logaddexp(0.0, self.z2)
        return self.h2 @ L[2]["W"].T + L[2]["b"]

    def smooth_l1(self, pred, y):
        d = pred - y
        ad = np.abs(d)
        loss = np.where(ad < self.beta, 0.5 * d * d / self.beta, ad - 0.5 * self.beta)
        return loss.mean(), d

    def loss(self, X, y):
        return self.smooth_l1(self.forward(X), y)[0]

    def backward(self, X, y):
        L = self.layers
        pred = self.forward(X)
        loss, d = self.smooth_l1(pred, y)
        dpred = np.where(np.abs(d) < self.beta, d / self.beta, np.sign(d)) / d.size
        self.grads[2]["W"] = dpred.T @ self.h2
        self.grads[2]["b"] = dpred.sum(axis=0)
        dh2 = dpred @ L[2]["W"]
        dz2 = dh2 / (1.0 + np.exp(-self.z2))            # softplus' = sigmoid
        self.grads[1]["W"] = dz2.T @ self.h1
        self.grads[1]["b"] = dz2.sum(axis=0)
        dh1 = dz2 @ L[1]["W"]
        dz1 = np.where(self.z1 > 0, dh1, self.slope * dh1)
        self.grads[0]["W"] = dz1.T @ X
        self.grads[0]["b"] = dz1.sum(axis=0)
        return loss

    def rmsprop(self):
        a = self.alpha
        for layer, grads, st in zip(self.layers, self.grads, self.state):
            for k in layer:
                g = grads[k]
                st["square_avg"][k] = a * st["square_avg"][k] + (1 - a) * g * g
                avg = np.sqrt(st["square_avg"][k] - st["grad_avg"][k] ** 2) + self.eps
                st["grad_avg"][k] = a * st["grad_avg"][k] + (1 - a) * g
                st["momentum_buffer"][k] = self.momentum * st["momentum_buffer"][k] + g / avg
                layer[k] = layer[k] - self.lr * st["momentum_buffer"][k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.rmsprop()
        return float(loss)
