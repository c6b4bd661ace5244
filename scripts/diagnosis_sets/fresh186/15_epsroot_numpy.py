"""A neural ODE binary classifier (explicit Euler, softplus field), from scratch in NumPy.

Layers are kept in a list, each a dict with W in the (out, in) layout:

    layers[0]  lift     2 -> 8       h_0 = x W0^T + b0
    layers[1]  field    8 -> 16      f(h) = softplus(h W1^T + b1) W2^T + b2
    layers[2]  field   16 -> 8
    layers[3]  readout  8 -> 1       s = h_K W3^T + b3
    Euler: h_{k+1} = h_k + dt f(h_k), K = 5 steps, dt = 0.2
    loss = mean binary cross-entropy on the logits s (the stable form)

Backward: the discrete adjoint through the Euler steps. Gradients kept in
self.grads, a list of dicts parallel to self.layers. Optimizer: RMSprop as
torch.optim.RMSprop (lr 0.003, alpha 0.99, eps 1e-8 added outside the root).

    X float (N, 2), y float (N,) in {0, 1}
"""

import numpy as np


def softplus(z):
    return np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0.0)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class EulerODEBinary:
    def __init__(self, sizes=((2, 8), (8, 16), (16, 8), (8, 1)), n_steps=5, dt=0.2,
                 lr=0.003, alpha=0.99, eps=1e-8, seed=2):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in sizes:
            bound = 1.0 / np.sqrt(fan_in)
            self.layers.append({"W": rng.uniform(-bound, bound, (fan_out, fan_in)),
                                "b": rng.uniform(-bound, bound, fan_out)})
        self.grads = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.square_avg = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.n_steps = n_steps
        self.dt = dt
        self.lr, self.alpha, self.eps = lr, alpha, eps

    @staticmethod
    def dense(x, layer):
        return x @ layer["W"].T + layer["b"]

    def forward(self, X):
        lift, f1, f2, head = self.layers
        h = self.dense(X, lift)
        cache = []
        for _ in range(self.n_steps):
            z = self.dense(h, f1)
            a = softplus(z)
            cache.append((h, z, a))
            h = h + self.dt * self.dense(a, f2)
        s = self.dense(h, head)[:, 0]
        return s, h, cache

    def loss(self, X, y):
        s, _, _ = self.forward(X)
        return np.mean(softplus(s) - y * s)

    def backward(self, X, y):
        lift, f1, f2, head = self.layers
        N = X.shape[0]
        s, hK, cache = self.forward(X)
        loss = np.mean(softplus(s) - y * s)

        for gl in self.grads:
            for k in gl:
                gl[k].fill(0.0)
        g_lift, g_f1, g_f2, g_head = self.grads

        ds = (sigmoid(s) - y) / N                      # (N,)
        g_head["W"] += ds[None, :] @ hK
        g_head["b"] += ds.sum(keepdims=True)
        dh = ds[:, None] @ head["W"]                   # (N, 8)

        for h, z, a in reversed(cache):
            df = self.dt * dh
            g_f2["W"] += df.T @ a
            g_f2["b"] += df.sum(axis=0)
            dz = (df @ f2["W"]) * sigmoid(z)           # softplus' = sigmoid
            g_f1["W"] += dz.T @ h
            g_f1["b"] += dz.sum(axis=0)
            dh = dh + dz @ f1["W"]

        g_lift["W"] += dh.T @ X
        g_lift["b"] += dh.sum(axis=0)
        return loss

    def rmsprop(self):
        for layer, gl, sq in zip(self.layers, self.grads, self.square_avg):
            for k in layer:
                sq[k] = self.alpha * sq[k] + (1.0 - self.alpha) * gl[k] ** 2
                layer[k] -= self.lr * gl[k] / np.sqrt(sq[k] + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.rmsprop()
        return float(loss)
