"""Correct NumPy network in a functional style, driven through the adapter protocol: the
parameters are an immutable tuple of (W, b) pairs that pure functions read and rebuild each
step, two tanh hidden layers (7 and 5 wide), softmax cross-entropy written with log-sum-exp,
and Adam in the Kingma-Ba form lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), p -= lr_t m /
(sqrt(v) + eps_hat) with eps_hat = eps sqrt(1 - b2^t), which is torch's Adam exactly."""

import math

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


def init_params(sizes, rng):
    return tuple((rng.normal(0, 1 / np.sqrt(a), (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:]))


def forward(params, X):
    acts = [X]
    for W, b in params[:-1]:
        acts.append(np.tanh(acts[-1] @ W + b))
    W, b = params[-1]
    return acts, acts[-1] @ W + b


def loss_and_grads(params, X, Y):
    acts, z = forward(params, X)
    zmax = z.max(axis=1, keepdims=True)
    lse = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
    n = X.shape[0]
    loss = float(np.sum(lse - np.sum(Y * z, axis=1, keepdims=True)) / n)
    delta = (np.exp(z - lse) - Y) / n
    grads = []
    for i in reversed(range(len(params))):
        grads.append((acts[i].T @ delta, delta.sum(axis=0)))
        if i:
            delta = (delta @ params[i][0].T) * (1 - acts[i] ** 2)
    return loss, tuple(reversed(grads))


def adam(params, grads, state, lr, b1=0.9, b2=0.999, eps=1e-8):
    t, m, v = state
    t += 1
    m = tuple(tuple(b1 * mi + (1 - b1) * gi for mi, gi in zip(ml, gl)) for ml, gl in zip(m, grads))
    v = tuple(tuple(b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(vl, gl)) for vl, gl in zip(v, grads))
    lr_t = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    eps_hat = eps * math.sqrt(1 - b2 ** t)
    new = tuple(tuple(p - lr_t * mi / (np.sqrt(vi) + eps_hat) for p, mi, vi in zip(pl, ml, vl))
                for pl, ml, vl in zip(params, m, v))
    return new, (t, m, v)


class FunctionalModel:
    def __init__(self, X, y, hidden=(7, 5), lr=0.01):
        self.params = init_params([X.shape[1], *hidden, y.shape[1]], np.random.default_rng(19))
        self.lr = lr
        self.opt_state = None

    def get_params(self):
        return {name: a.copy() for name, a in zip(NAMES, (a for pair in self.params for a in pair))}

    def set_params(self, params):
        arrays = [np.array(params[name]) for name in NAMES]
        self.params = tuple(zip(arrays[0::2], arrays[1::2]))

    def step(self, X, y):
        if self.opt_state is None:
            zeros = tuple(tuple(np.zeros_like(a) for a in pair) for pair in self.params)
            self.opt_state = (0, zeros, zeros)
        loss, grads = loss_and_grads(self.params, X, y)
        self.params, self.opt_state = adam(self.params, grads, self.opt_state, self.lr)
        return loss
