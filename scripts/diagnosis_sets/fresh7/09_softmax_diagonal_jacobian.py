"""NumPy 3-class classifier built from Dense layers with pluggable activation objects (sigmoid
hidden layer of 7, softmax output) and a long-hand cross-entropy whose derivative with respect
to the probabilities is -y / p. Each activation back-propagates through its own backward();
Softmax.backward was copied from Sigmoid.backward and multiplies by the elementwise p (1 - p),
the diagonal of the softmax Jacobian only: the cross terms -p_i p_j are dropped, so the logit
gradient is -y (1 - p) / n and the classes that are not the target get no gradient at all."""

import numpy as np


class Sigmoid:
    def __call__(self, z):
        return 1.0 / (1.0 + np.exp(-z))

    def backward(self, a, grad_a):
        return grad_a * a * (1 - a)


class Softmax:
    def __call__(self, z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def backward(self, a, grad_a):
        return grad_a * a * (1 - a)   # BUG: the full Jacobian (cross terms): a * (grad_a - (grad_a * a).sum(axis=1, keepdims=True))


class CrossEntropy:
    def __call__(self, p, y):
        return float(-np.sum(y * np.log(p)) / len(y))

    def grad(self, p, y):
        return -y / p / len(y)


class Dense:
    def __init__(self, n_in, n_out, activation, rng):
        self.W = rng.normal(0.0, n_in ** -0.5, (n_in, n_out))
        self.b = np.zeros(n_out)
        self.act = activation

    def forward(self, x):
        self.x = x
        self.a = self.act(x @ self.W + self.b)
        return self.a

    def backward(self, grad_a, lr):
        dz = self.act.backward(self.a, grad_a)
        grad_x = dz @ self.W.T
        self.W -= lr * (self.x.T @ dz)
        self.b -= lr * dz.sum(axis=0)
        return grad_x


class LayerStack:
    def __init__(self, X, y, hidden=7, lr=0.5):
        rng = np.random.default_rng(9)
        self.layers = [Dense(X.shape[1], hidden, Sigmoid(), rng), Dense(hidden, y.shape[1], Softmax(), rng)]
        self.loss_fn = CrossEntropy()
        self.lr = lr

    def train_step(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = self.loss_fn(out, y)
        grad = self.loss_fn.grad(out, y)
        for layer in reversed(self.layers):
            grad = layer.backward(grad, self.lr)
        return loss
