"""A micrograd-style reverse-mode autograd over numpy arrays (each Tensor holds an ndarray, its
gradient, the Tensors it came from and a _backward closure; backward() walks them in reverse
topological order), and a binary classifier built on it: 4 inputs -> 8 tanh units -> 1 sigmoid
output, the mean binary cross-entropy written out with log(), plain gradient descent."""

import numpy as np


def unbroadcast(grad, shape):
    """Sum a gradient back down to the shape of the operand it flows into."""
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


class Tensor:
    __array_ufunc__ = None   # ndarray (op) Tensor falls through to Tensor.__rop__

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = np.zeros_like(data)
        self._backward = lambda: None
        self._prev = _children
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Tensor) else Tensor(other)
        out = Tensor(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad = self.grad + unbroadcast(out.grad, np.shape(self.data))
            other.grad = other.grad + unbroadcast(out.grad, np.shape(other.data))
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Tensor) else Tensor(other)
        out = Tensor(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad = self.grad + unbroadcast(other.data * out.grad, np.shape(self.data))
            other.grad = other.grad + unbroadcast(self.data * out.grad, np.shape(other.data))
        out._backward = _backward
        return out

    def __matmul__(self, other):
        out = Tensor(self.data @ other.data, (self, other), "@")

        def _backward():
            self.grad = self.grad + out.grad @ other.data.T
            other.grad = other.grad + self.data.T @ out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = np.tanh(self.data)
        out = Tensor(t, (self,), "tanh")

        def _backward():
            self.grad = self.grad + (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def sigmoid(self):
        s = 1 / (1 + np.exp(-self.data))
        out = Tensor(s, (self,), "sigmoid")

        def _backward():
            self.grad = self.grad + s * (1 - s) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Tensor(np.exp(self.data), (self,), "exp")

        def _backward():
            self.grad = self.grad + out.data * out.grad
        out._backward = _backward
        return out

    def log(self):
        out = Tensor(np.log(self.data), (self,), "log")

        def _backward():
            self.grad = self.grad + out.grad / out.data   # BUG: self.grad = self.grad + out.grad / self.data
        out._backward = _backward
        return out

    def sum(self):
        out = Tensor(self.data.sum(), (self,), "sum")

        def _backward():
            self.grad = self.grad + np.ones_like(self.data) * out.grad
        out._backward = _backward
        return out

    def mean(self):
        return self.sum() * (1.0 / self.data.size)

    def __neg__(self):
        return self * -1.0

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def backward(self):
        topo, visited = [], set()

        def build_topo(v):
            if id(v) not in visited:
                visited.add(id(v))
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)
        self.grad = np.ones_like(self.data)
        for v in reversed(topo):
            v._backward()


class AutogradClassifier:
    def __init__(self, n_in=4, n_hidden=8, lr=0.5, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-1, 1, (n_in, n_hidden)) / np.sqrt(n_in),
            "b1": np.zeros(n_hidden),
            "W2": rng.uniform(-1, 1, (n_hidden, 1)) / np.sqrt(n_hidden),
            "b2": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        P = {k: Tensor(v) for k, v in self.params.items()}
        h = (Tensor(X) @ P["W1"] + P["b1"]).tanh()
        p = (h @ P["W2"] + P["b2"]).sigmoid()
        loss = -(y * p.log() + (1 - y) * (1 - p).log()).mean()
        loss.backward()
        for k, t in P.items():
            t.data -= self.lr * t.grad      # t.data is self.params[k]
        return loss.data
