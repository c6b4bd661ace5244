"""The physics-informed network of pinn_numpy.py written as a generic layer loop (a correct variant).

self.layers is a list of {'W': (in, out), 'b': (out,)}; each tanh layer carries the pair
(h, dh/dx) forward (dual numbers by hand), starting from (x, 1):

    z = a @ W + b,  q = a_x @ W,  h = tanh(z),  h_x = (1 - h^2) q

and the last layer is linear: u = a @ W + b, u_x = a_x @ W.  The backward walks the layers in
reverse with the adjoints of both h and h_x.  Loss and ODE as pinn_numpy.py
(r = u_x + A u - f; W_DATA mean(e^2) + W_RES mean(r^2)); SGD momentum updated in place.
"""

import numpy as np

A = 1.0
W_DATA = 1.0
W_RES = 0.5


class LayeredPINN:
    def __init__(self, sizes=(1, 16, 16, 1), lr=0.02, momentum=0.9, seed=5):
        rng = np.random.default_rng(seed)
        self.layers = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / np.sqrt(n_in)
            self.layers.append({"W": rng.uniform(-bound, bound, (n_in, n_out)),
                                "b": rng.uniform(-bound, bound, n_out)})
        self.vel = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.layer_grads = None
        self.lr = lr
        self.mu = momentum

    def _forward(self, X):
        a, a_x = X, np.ones_like(X)
        tape = []
        for layer in self.layers[:-1]:
            q = a_x @ layer["W"]
            h = np.tanh(a @ layer["W"] + layer["b"])
            s = 1.0 - h * h
            tape.append((a, a_x, h, s, q))
            a, a_x = h, s * q
        last = self.layers[-1]
        return a @ last["W"] + last["b"], a_x @ last["W"], (tape, a, a_x)

    def loss(self, X, y):
        u, u_x, _ = self._forward(X)
        r = u_x + A * u - y[:, 1:2]
        return float(W_DATA * np.mean((u - y[:, :1]) ** 2) + W_RES * np.mean(r ** 2))

    def train_step(self, X, y):
        u, u_x, (tape, a, a_x) = self._forward(X)
        n = len(X)
        e = u - y[:, :1]
        r = u_x + A * u - y[:, 1:2]
        loss = W_DATA * np.mean(e ** 2) + W_RES * np.mean(r ** 2)

        d_ux = (2.0 * W_RES / n) * r
        d_u = (2.0 * W_DATA / n) * e + A * d_ux
        last = self.layers[-1]
        grads = [None] * len(self.layers)
        grads[-1] = {"W": a.T @ d_u + a_x.T @ d_ux, "b": d_u.sum(axis=0)}
        d_a, d_ax = d_u @ last["W"].T, d_ux @ last["W"].T
        for i in range(len(tape) - 1, -1, -1):
            a_in, a_in_x, h, s, q = tape[i]
            W = self.layers[i]["W"]
            d_q = d_ax * s
            d_z = s * (d_a - 2.0 * h * d_ax * q)
            grads[i] = {"W": a_in.T @ d_z + a_in_x.T @ d_q, "b": d_z.sum(axis=0)}
            d_a, d_ax = d_z @ W.T, d_q @ W.T
        self.layer_grads = grads

        for layer, vel, g in zip(self.layers, self.vel, grads):
            for k in layer:
                vel[k] *= self.mu
                vel[k] += g[k]
                layer[k] -= self.lr * vel[k]
        return float(loss)
