"""NumPy regressor built from Dense layer objects (two tanh hidden layers, 7 and 5 wide,
linear output, half mean squared error), each layer keeping its own Adam state. The
moments are initialised with the first gradient (m = g, v = g^2) instead of zeros, "to
avoid the cold start", while the bias corrections 1 / (1 - beta^t) still assume a zero
start: the first step is 10 / sqrt(1000) = 0.316 of Adam's and the later ones differ too."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, activation, rng):
        self.W = rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out))
        self.b = np.zeros(n_out)
        self.activation = activation
        self.m, self.v = {}, {}

    def forward(self, x):
        self.x = x
        z = x @ self.W + self.b
        self.a = np.tanh(z) if self.activation == "tanh" else z
        return self.a

    def backward(self, grad_a):
        grad_z = grad_a * (1 - self.a ** 2) if self.activation == "tanh" else grad_a
        self.grads = {"W": self.x.T @ grad_z, "b": grad_z.sum(axis=0)}
        return grad_z @ self.W.T

    def adam(self, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        for name, g in self.grads.items():
            if name not in self.m:
                self.m[name], self.v[name] = g.copy(), g * g   # BUG: start from zeros: np.zeros_like(g), np.zeros_like(g)
            self.m[name] = beta1 * self.m[name] + (1 - beta1) * g
            self.v[name] = beta2 * self.v[name] + (1 - beta2) * g * g
            m_hat = self.m[name] / (1 - beta1 ** t)
            v_hat = self.v[name] / (1 - beta2 ** t)
            setattr(self, name, getattr(self, name) - lr * m_hat / (np.sqrt(v_hat) + eps))


class LayeredAdam:
    def __init__(self, X, y, sizes=(7, 5), lr=0.005):
        rng = np.random.default_rng(16)
        dims = [X.shape[1], *sizes, y.shape[1]]
        acts = ["tanh"] * len(sizes) + ["linear"]
        self.layers = [Dense(a, b, act, rng) for a, b, act in zip(dims, dims[1:], acts)]
        self.lr, self.t = lr, 0

    def fit_batch(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        grad = (out - y) / out.size
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        self.t += 1
        for layer in self.layers:
            layer.adam(self.t, self.lr)
        return float(0.5 * np.mean((out - y) ** 2))
