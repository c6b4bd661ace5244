"""NumPy sigmoid network (4 -> 6 -> 1, sigmoid output, half sum of squared errors, heavy-ball
momentum 0.8) over one flat parameter vector, driven through the adapter protocol. The
parameters are packed W1, b1, W2, b2, but the gradient is packed gW1, gW2, gb1, gb2 (the
order the backward pass produces the weights first): with 6 hidden units and one output, the
two 6-element blocks trade places, b1 is stepped with W2's gradient and W2 with b1's."""

import numpy as np

SHAPES = {"W1": (4, 6), "b1": (6,), "W2": (6, 1), "b2": (1,)}


def unpack(theta):
    out, at = {}, 0
    for name, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[name] = theta[at:at + size].reshape(shape)
        at += size
    return out


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class FlatNet:
    def __init__(self, X, y, lr=0.2, mu=0.8):
        rng = np.random.default_rng(13)
        self.theta = rng.normal(0, 0.5, sum(int(np.prod(s)) for s in SHAPES.values()))
        self.velocity = np.zeros_like(self.theta)
        self.lr, self.mu = lr, mu

    def get_params(self):
        return {name: a.copy() for name, a in unpack(self.theta).items()}

    def set_params(self, params):
        self.theta = np.concatenate([np.asarray(params[name]).ravel() for name in SHAPES])
        if self.velocity.dtype != self.theta.dtype:
            self.velocity = self.velocity.astype(self.theta.dtype)

    def step(self, X, y):
        P = unpack(self.theta)
        h = sigmoid(X @ P["W1"] + P["b1"])
        out = sigmoid(h @ P["W2"] + P["b2"])
        loss = float(0.5 * np.sum((out - y) ** 2))
        d2 = (out - y) * out * (1 - out)
        d1 = (d2 @ P["W2"].T) * h * (1 - h)
        gW1, gb1 = X.T @ d1, d1.sum(axis=0)
        gW2, gb2 = h.T @ d2, d2.sum(axis=0)
        grad = np.concatenate([gW1.ravel(), gW2.ravel(), gb1, gb2])   # BUG: pack in the parameters' order: [gW1.ravel(), gb1, gW2.ravel(), gb2]
        self.velocity = self.mu * self.velocity + grad
        self.theta = self.theta - self.lr * self.velocity
        return loss
