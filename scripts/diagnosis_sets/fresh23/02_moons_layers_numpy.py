"""Two-layer network for the two-moons data, built from layer objects the way "Deep Learning from
Scratch" builds them: Affine -> Sigmoid -> Affine -> SigmoidWithLoss (mean binary cross-entropy),
2 inputs, 8 hidden units, trained with the book's AdaGrad (lr 0.5, 1e-7 in the denominator)."""

from collections import OrderedDict

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class SigmoidWithLoss:
    def __init__(self):
        self.p = self.t = None

    def forward(self, x, t):
        self.t = t
        self.p = 1 / (1 + np.exp(-x))
        return -np.mean(t * np.log(self.p) + (1 - t) * np.log(1 - self.p))

    def backward(self, dout=1):
        return dout * (self.p - self.t) / self.t.shape[0]


class AdaGrad:
    def __init__(self, lr=0.5):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class TwoLayerNet:
    def __init__(self, input_size=2, hidden_size=8, output_size=1, weight_init_std=0.5):
        rng = np.random.default_rng(7)
        self.params = {
            "W1": weight_init_std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        self.last_layer = SigmoidWithLoss()
        self.optimizer = AdaGrad(lr=0.5)

    def build_layers(self):
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Sigmoid1"] = Sigmoid()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])

    def loss(self, x, t):
        self.build_layers()
        for layer in self.layers.values():
            x = layer.forward(x)
        return self.last_layer.forward(x, t)

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {"W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
                "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db}

    def train_step(self, x, t):
        loss = self.loss(x, t)
        self.optimizer.update(self.params, self.gradient(x, t))
        return loss
