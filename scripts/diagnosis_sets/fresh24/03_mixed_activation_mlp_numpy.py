"""Four-layer regression MLP in NumPy with a different activation in each hidden layer:

    4 -> 16 leaky ReLU (slope 0.1) -> 16 ELU (alpha 1) -> 16 softplus -> 2 linear

Mean squared error over every output, back-propagation by hand, heavy-ball momentum
(v = mu v + g; theta -= lr v). Parameters and gradients in dicts keyed W1, b1, ..., W4, b4.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

SLOPE = 0.1
ALPHA = 1.0


def leaky_relu(z):
    return np.where(z > 0, z, SLOPE * z)


def leaky_relu_grad(z):
    return np.where(z > 0, np.ones_like(z), SLOPE)


def elu(z):
    return np.where(z > 0, z, ALPHA * np.expm1(np.minimum(z, 0.0)))


def elu_grad(z):
    return np.where(z > 0, 1.0, ALPHA * np.exp(np.minimum(z, 0.0)))


def softplus(z):
    return np.logaddexp(0.0, z)


def softplus_grad(z):
    return 1.0 / (1.0 + np.exp(-z))


class MixedMLP:
    def __init__(self, sizes=(4, 16, 16, 16, 2), lr=0.05, mu=0.9, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.acts = [(leaky_relu, leaky_relu_grad), (elu, elu_grad), (softplus, softplus_grad)]
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        self.inputs, self.zs = [], []
        h = X
        for i, (f, _) in enumerate(self.acts, start=1):
            z = h @ p[f"W{i}"] + p[f"b{i}"]
            self.inputs.append(h)
            self.zs.append(z)
            h = f(z)
        self.inputs.append(h)
        return h @ p["W4"] + p["b4"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        grads = {}
        d = 2.0 * (out - y) / out.size
        grads["W4"] = self.inputs[3].T @ d
        grads["b4"] = d.sum(axis=0)
        g = d @ p["W4"].T
        for i in (3, 2, 1):
            d = g * self.acts[i - 1][1](self.zs[i - 1])
            grads[f"W{i}"] = self.inputs[i - 1].T @ d
            grads[f"b{i}"] = d.sum(axis=0)
            g = d @ p[f"W{i}"].T
        self.grads = grads
        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
