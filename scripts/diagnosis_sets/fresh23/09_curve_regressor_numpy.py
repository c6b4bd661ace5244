"""Two-output regression, 3 inputs -> 12 tanh units -> 2 linear outputs, mean squared error.
RMSprop written from Ruder's overview of gradient descent: a running average E[g^2] of the
squared gradient (gamma = 0.9), updated in its incremental form, and the step
lr * g / (sqrt(E[g^2]) + eps)."""

import numpy as np

LR = 0.005
GAMMA = 0.9
EPS = 1e-8


class CurveRegressor:
    def __init__(self, n_in=3, n_hidden=12, n_out=2):
        rng = np.random.default_rng(9)
        self.params = {
            "W1": rng.standard_normal((n_in, n_hidden)) * np.sqrt(1.0 / n_in),
            "b1": np.zeros(n_hidden),
            "W2": rng.standard_normal((n_hidden, n_out)) * np.sqrt(1.0 / n_hidden),
            "b2": np.zeros(n_out),
        }
        self.Eg2 = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X):
        P = self.params
        self.X = X
        self.H = np.tanh(X @ P["W1"] + P["b1"])
        return self.H @ P["W2"] + P["b2"]

    def backward(self, out, y):
        dout = 2.0 * (out - y) / out.size
        dH = dout @ self.params["W2"].T * (1.0 - self.H ** 2)
        return {"W1": self.X.T @ dH, "b1": dH.sum(axis=0), "W2": self.H.T @ dout, "b2": dout.sum(axis=0)}

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        for k, g in self.backward(out, y).items():
            self.Eg2[k] += (1.0 - GAMMA) * g ** 2   # BUG: self.Eg2[k] += (1.0 - GAMMA) * (g ** 2 - self.Eg2[k])
            self.params[k] -= LR * g / (np.sqrt(self.Eg2[k]) + EPS)
        return loss
