"""Two-output regressor with batch normalisation, NumPy, ported from a Keras model.

    z  = X @ W1                                             (n, 10), no bias (beta replaces it)
    zn = gamma * (z - mean) / sqrt(var + EPS) + beta        batch statistics in training
    h  = relu(zn)
    out = h @ W2 + b2                                       (n, 2), mean squared error

The moving statistics follow Keras's BatchNormalization(momentum=0.99): moving = 0.99 moving +
0.01 batch (the moving variance from the unbiased batch variance, as torch keeps it). After
every update the program also predicts the training inputs in inference mode (the moving
statistics), self.eval_out, to watch the model a user would deploy. Plain SGD.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

EPS = 1e-3
KERAS_MOMENTUM = 0.99
LR = 0.05


class BatchNormRegressor:
    def __init__(self, n_in=4, hidden=10, n_out=2, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "gamma": np.ones(hidden),
            "beta": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.running_mean = np.zeros(hidden)
        self.running_var = np.ones(hidden)

    def predict(self, X):
        p = self.params
        z = X @ p["W1"]
        zn = p["gamma"] * (z - self.running_mean) / np.sqrt(self.running_var + EPS) + p["beta"]
        return np.maximum(zn, 0.0) @ p["W2"] + p["b2"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = X @ p["W1"]
        mean = z.mean(axis=0)
        var = z.var(axis=0)
        m = KERAS_MOMENTUM
        self.running_mean = m * self.running_mean + (1 - m) * mean
        self.running_var = m * self.running_var + (1 - m) * var * n / (n - 1)
        rstd = 1.0 / np.sqrt(var + EPS)
        xhat = (z - mean) * rstd
        zn = p["gamma"] * xhat + p["beta"]
        h = np.maximum(zn, 0.0)
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / out.size
        grads = {"W2": h.T @ dout, "b2": dout.sum(axis=0)}
        dzn = (dout @ p["W2"].T) * (zn > 0)
        grads["gamma"] = (dzn * xhat).sum(axis=0)
        grads["beta"] = dzn.sum(axis=0)
        dxhat = dzn * p["gamma"]
        dz = rstd / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
        grads["W1"] = X.T @ dz
        self.grads = grads

        for k in p:
            p[k] -= LR * grads[k]
        self.eval_out = self.predict(X)
        return float(loss)
