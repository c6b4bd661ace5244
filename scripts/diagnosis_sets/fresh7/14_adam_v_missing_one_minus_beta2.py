"""NumPy binary classifier made of Layer objects (two tanh hidden layers, 7 and 5 wide, sigmoid
output, mean binary cross-entropy, mini-batches of 12), each layer holding its own Adam
moments. The second moment is accumulated v = beta2 v + g^2 without the (1 - beta2) factor:
v is about 1000 times too large, and the first step is 1/sqrt(1000) = 0.0316 of Adam's."""

import numpy as np


class Layer:
    def __init__(self, n_in, n_out, activation, rng):
        self.W = rng.uniform(-1, 1, (n_in, n_out)) / np.sqrt(n_in)
        self.b = np.zeros(n_out)
        self.activation = activation
        self.mW, self.vW = np.zeros_like(self.W), np.zeros_like(self.W)
        self.mb, self.vb = np.zeros_like(self.b), np.zeros_like(self.b)

    def forward(self, x):
        self.inp = x
        z = x @ self.W + self.b
        self.out = np.tanh(z) if self.activation == "tanh" else 1.0 / (1.0 + np.exp(-z))
        return self.out

    def backward(self, dz):
        """dz: the gradient at this layer's pre-activation; returns the one below's activation gradient."""
        self.gW = self.inp.T @ dz
        self.gb = dz.sum(axis=0)
        return dz @ self.W.T


def adam_update(param, grad, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m *= beta1
    m += (1 - beta1) * grad
    v *= beta2
    v += grad * grad   # BUG: v += (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    param -= lr * m_hat / (np.sqrt(v_hat) + eps)


class DenseAdamNet:
    def __init__(self, X, y, sizes=(7, 5), lr=0.005):
        rng = np.random.default_rng(14)
        dims = [X.shape[1], *sizes, y.shape[1]]
        acts = ["tanh"] * len(sizes) + ["sigmoid"]
        self.layers = [Layer(a, b, act, rng) for a, b, act in zip(dims, dims[1:], acts)]
        self.lr, self.t = lr, 0

    def fit(self, X, y):
        p = X
        for layer in self.layers:
            p = layer.forward(p)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        dz = (p - y) / len(X)
        for layer in reversed(self.layers):
            grad_below = layer.backward(dz)
            if layer is not self.layers[0]:
                below = self.layers[self.layers.index(layer) - 1]
                dz = grad_below * (1 - below.out ** 2)
        self.t += 1
        for layer in self.layers:
            adam_update(layer.W, layer.gW, layer.mW, layer.vW, self.t, self.lr)
            adam_update(layer.b, layer.gb, layer.mb, layer.vb, self.t, self.lr)
        return loss
