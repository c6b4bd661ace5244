"""A sigmoid MLP regressor (6 -> 16 sigmoid -> 2) trained with Adagrad, by hand in NumPy.

Loss: squared error summed over the two outputs, averaged over the batch.
Adagrad with an initial accumulator value (as torch.optim.Adagrad's initial_accumulator_value):
    G = G0 + sum of g^2 so far (this step's included)
    p -= lr * g / (sqrt(G) + eps)
Each Dense layer holds its weights, their gradients and their accumulators.
"""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng, init_acc):
        self.W = rng.normal(0.0, np.sqrt(1.0 / n_in), (n_in, n_out))
        self.b = rng.normal(0.0, 0.05, n_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self.GW = np.full_like(self.W, init_acc)
        self.Gb = np.full_like(self.b, init_acc)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class AdagradRegressor:
    def __init__(self, n_in=6, n_hidden=16, n_out=2, lr=0.05, initial_accumulator_value=0.1,
                 eps=1e-10, seed=4):
        rng = np.random.default_rng(seed)
        self.layers = [Dense(n_in, n_hidden, rng, initial_accumulator_value),
                       Dense(n_hidden, n_out, rng, initial_accumulator_value)]
        self.lr = lr
        self.eps = eps

    def predict(self, X):
        self.s = 1.0 / (1.0 + np.exp(-self.layers[0].forward(X)))
        return self.layers[1].forward(self.s)

    def loss(self, X, y):
        return ((self.predict(X) - y) ** 2).sum(axis=1).mean()

    def train_step(self, X, y):
        pred = self.predict(X)
        loss = ((pred - y) ** 2).sum(axis=1).mean()
        dpred = 2.0 * (pred - y) / X.shape[0]
        ds = self.layers[1].backward(dpred)
        self.layers[0].backward(ds * self.s * (1.0 - self.s))
        for layer in self.layers:
            layer.GW += layer.dW ** 2
            layer.Gb += layer.db ** 2
            layer.W -= self.lr * layer.dW / (np.sqrt(layer.GW) + self.eps)
            layer.b -= self.lr * layer.db / (np.sqrt(layer.Gb) + self.eps)
        return float(loss)
