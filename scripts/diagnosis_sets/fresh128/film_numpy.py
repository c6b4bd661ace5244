"""A FiLM-conditioned regressor, from scratch in NumPy.

Each row of X holds the features x (8) and a conditioning vector c (4). The
conditioning vector produces a feature-wise scale gamma and shift beta that
modulate the hidden layer (FiLM, Perez et al. 2018):

    h     = relu(x @ W1 + b1)            (N, 16)
    gamma = c @ Wg + bg                  (N, 16)   bg starts at 1: identity modulation
    beta  = c @ Wb + bb                  (N, 16)
    f     = gamma * h + beta             (N, 16)
    yhat  = f @ W2 + b2                  (N, 1)
    loss  = mean((yhat - y) ** 2)

SGD with momentum as torch.optim.SGD(momentum=0.9) writes it:
v = mu * v + g; p -= lr * v.

Parameters (self.params): W1 (8, 16), b1 (16,), Wg (4, 16), bg (16,),
Wb (4, 16), bb (16,), W2 (16, 1), b2 (1,).
Optimizer state: self.velocity, keyed like self.params.
"""

import os

import numpy as np


class FiLMNet:
    def __init__(self, n_x=8, n_c=4, hidden=16, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.n_x = n_x
        self.params = {
            "W1": rng.standard_normal((n_x, hidden)) * np.sqrt(2.0 / n_x),
            "b1": 0.1 * rng.standard_normal(hidden),
            "Wg": 0.2 * rng.standard_normal((n_c, hidden)),
            "bg": np.ones(hidden),
            "Wb": 0.2 * rng.standard_normal((n_c, hidden)),
            "bb": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def _split(self, X):
        return X[:, :self.n_x], X[:, self.n_x:]

    def _forward(self, X):
        p = self.params
        x, c = self._split(X)
        z1 = x @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0)
        gamma = c @ p["Wg"] + p["bg"]
        beta = c @ p["Wb"] + p["bb"]
        f = gamma * h + beta
        yhat = f @ p["W2"] + p["b2"]
        return yhat, (x, c, z1, h, gamma, f)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p, g = self.params, self.grads
        yhat, (x, c, z1, h, gamma, f) = self._forward(X)
        loss = np.mean((yhat - y) ** 2)
        N = X.shape[0]

        dy = 2.0 * (yhat - y) / (N * y.shape[1])
        g["W2"] = f.T @ dy
        g["b2"] = dy.sum(axis=0)
        df = dy @ p["W2"].T
        # FiLM: f = gamma * h + beta
        dgamma = df * h
        dbeta = df
        g["Wg"] = c.T @ dgamma
        g["bg"] = dgamma.sum(axis=0)
        g["Wb"] = c.T @ dbeta
        g["bb"] = dbeta.sum(axis=0)
        dh = df * gamma
        dz1 = dh * (z1 > 0)
        g["W1"] = x.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "film.npz"))
    X, y = data["X"], data["y"]
    net = FiLMNet()
    for step in range(200):
        loss = net.train_step(X, y)
        if step % 20 == 0 or step == 199:
            print(f"step {step:4d}  loss {loss:.4f}")
