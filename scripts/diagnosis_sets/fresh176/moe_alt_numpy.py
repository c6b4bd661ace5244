"""The mixture of experts regressor of moe_numpy.py written another way.

Each expert is a small object holding its weights in the (out, in) layout of nn.Linear
(W1 (H, D), W2 (1, H)) together with its own Adam moments; the gate keeps Wg (E, D).
The gate's softmax backward goes through the full Jacobian diag(pi) - pi pi^T (einsum),
the loss is a dot product, and Adam is written in place with torch's arrangement of the
bias corrections (step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps).
"""

import math

import numpy as np


class Dense:
    def __init__(self, rng, n_in, n_out):
        s = 1.0 / math.sqrt(n_in)
        self.W = rng.uniform(-s, s, (n_out, n_in))
        self.b = rng.uniform(-s, s, n_out)
        self.mW, self.vW = np.zeros_like(self.W), np.zeros_like(self.W)
        self.mb, self.vb = np.zeros_like(self.b), np.zeros_like(self.b)
        self.dW = self.db = None

    def __call__(self, x):
        return x @ self.W.T + self.b

    def grad(self, x, dout):
        self.dW = dout.T @ x
        self.db = dout.sum(axis=0)
        return dout @ self.W

    def adam(self, lr, b1, b2, eps, t):
        step = lr / (1.0 - b1 ** t)
        root_bc2 = math.sqrt(1.0 - b2 ** t)
        for w, g, m, v in ((self.W, self.dW, self.mW, self.vW), (self.b, self.db, self.mb, self.vb)):
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * g ** 2
            w -= step * m / (np.sqrt(v) / root_bc2 + eps)


class Expert:
    def __init__(self, rng, n_in, hidden):
        self.fc1 = Dense(rng, n_in, hidden)
        self.fc2 = Dense(rng, hidden, 1)

    def forward(self, x):
        self.x = x
        self.h = np.tanh(self.fc1(x))
        return self.fc2(self.h)[:, 0]

    def backward(self, dout):
        dh = self.fc2.grad(self.h, dout[:, None])
        self.fc1.grad(self.x, dh * (1.0 - self.h * self.h))


class MoEAlt:
    def __init__(self, n_in=4, n_experts=4, hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.gate = Dense(rng, n_in, n_experts)
        self.experts = [Expert(rng, n_in, hidden) for _ in range(n_experts)]
        self.t = 0

    def predict(self, X):
        z = self.gate(X)
        ez = np.exp(z - z.max(axis=1, keepdims=True))
        self.pi = ez / ez.sum(axis=1, keepdims=True)
        self.F = np.stack([e.forward(X) for e in self.experts], axis=1)   # (N, E)
        return np.einsum("ne,ne->n", self.pi, self.F)

    def loss(self, X, y):
        r = self.predict(X) - y[:, 0]
        return float(r @ r / r.shape[0])

    def train_step(self, X, y):
        r = self.predict(X) - y[:, 0]
        n = r.shape[0]
        loss = r @ r / n
        dyhat = (2.0 / n) * r                                           # (N,)
        pi = self.pi
        jac = np.einsum("ne,ef->nef", pi, np.eye(pi.shape[1], dtype=pi.dtype)) \
            - np.einsum("ne,nf->nef", pi, pi)
        dpi = self.F * dyhat[:, None]
        dz = np.einsum("nef,nf->ne", jac, dpi)
        self.gate.grad(X, dz)
        for k, e in enumerate(self.experts):
            e.backward(pi[:, k] * dyhat)
        self.t += 1
        for layer in [self.gate] + [l for e in self.experts for l in (e.fc1, e.fc2)]:
            layer.adam(0.01, 0.9, 0.999, 1e-8, self.t)
        return float(loss)
