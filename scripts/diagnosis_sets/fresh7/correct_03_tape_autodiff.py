"""Correct NumPy network in an unusual style: a tiny reverse-mode automatic differentiation.
Each operation (matmul, bias add, relu, log-softmax cross-entropy) returns a Node and records
a backward closure on a tape; the tape is replayed in reverse to fill each node's gradient.
Two ReLU hidden layers (8 and 6), softmax cross-entropy averaged over the rows, Adam with
the usual bias corrections, trained on the mini-batches the caller hands it."""

import numpy as np


class Node:
    def __init__(self, value):
        self.value = value
        self.grad = np.zeros_like(value)


class Tape:
    def __init__(self):
        self.backward_fns = []

    def record(self, fn):
        self.backward_fns.append(fn)

    def backward(self, root):
        root.grad = np.ones_like(root.value)
        for fn in reversed(self.backward_fns):
            fn()


def matmul(tape, a, b):
    out = Node(a.value @ b.value)

    def back():
        a.grad += out.grad @ b.value.T
        b.grad += a.value.T @ out.grad
    tape.record(back)
    return out


def add_bias(tape, a, b):
    out = Node(a.value + b.value)

    def back():
        a.grad += out.grad
        b.grad += out.grad.sum(axis=0)
    tape.record(back)
    return out


def relu(tape, a):
    out = Node(np.maximum(a.value, 0))

    def back():
        a.grad += out.grad * (a.value > 0)
    tape.record(back)
    return out


def softmax_cross_entropy(tape, z, Y):
    shifted = z.value - z.value.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = z.value.shape[0]
    out = Node(np.asarray(-np.sum(Y * log_p) / n, dtype=z.value.dtype))

    def back():
        z.grad += out.grad * (np.exp(log_p) - Y) / n
    tape.record(back)
    return out


class TapeMLP:
    def __init__(self, X, y, sizes=(8, 6), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(19)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.params = {}
        for i, (a, b) in enumerate(zip(dims, dims[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0, np.sqrt(2.0 / a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.depth = len(dims) - 1
        self.m, self.v, self.t = {}, {}, 0
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps

    def train_step(self, X, y):
        tape = Tape()
        nodes = {k: Node(p) for k, p in self.params.items()}
        h = Node(X)
        for i in range(1, self.depth + 1):
            h = add_bias(tape, matmul(tape, h, nodes[f"W{i}"]), nodes[f"b{i}"])
            if i < self.depth:
                h = relu(tape, h)
        loss = softmax_cross_entropy(tape, h, y)
        tape.backward(loss)
        self.t += 1
        for k, node in nodes.items():
            g = node.grad
            self.m[k] = self.beta1 * self.m.get(k, np.zeros_like(g)) + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v.get(k, np.zeros_like(g)) + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            self.params[k] = self.params[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss.value)
