"""The Euler neural ODE binary classifier of binary_numpy.py written another way (correct).

Same list of (out, in) layers; softplus through np.logaddexp; the adjoint written
with the per-sample Jacobian of the field, J_n = W2 diag(sigmoid(z_n)) W1, built
explicitly and contracted with einsum; RMSprop with its buffers updated in place.
"""

import numpy as np


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
        self.n_steps, self.dt = n_steps, dt
        self.lr, self.alpha, self.eps = lr, alpha, eps

    def forward(self, X):
        lift, f1, f2, head = self.layers
        h = X @ lift["W"].T + lift["b"]
        traj = []
        for _ in range(self.n_steps):
            z = h @ f1["W"].T + f1["b"]
            traj.append((h, z))
            h = h + self.dt * (np.logaddexp(0.0, z) @ f2["W"].T + f2["b"])
        return (h @ head["W"].T + head["b"]).ravel(), h, traj

    def loss(self, X, y):
        s = self.forward(X)[0]
        return np.mean(np.logaddexp(0.0, s) - y * s)

    def train_step(self, X, y):
        lift, f1, f2, head = self.layers
        N = len(y)
        s, hK, traj = self.forward(X)
        loss = float(np.mean(np.logaddexp(0.0, s) - y * s))
        ds = (0.5 * (1.0 + np.tanh(0.5 * s)) - y) / N        # sigmoid(s) - y, over N
        g = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        g[3]["W"][0] = ds @ hK
        g[3]["b"][0] = ds.sum()
        lam = np.outer(ds, head["W"][0])
        for h, z in traj[::-1]:
            sig = 0.5 * (1.0 + np.tanh(0.5 * z))
            a = np.logaddexp(0.0, z)
            mu = self.dt * lam
            g[2]["W"] += np.einsum("nd,nj->dj", mu, a)
            g[2]["b"] += mu.sum(axis=0)
            dz = np.einsum("nd,dj->nj", mu, f2["W"]) * sig
            g[1]["W"] += np.einsum("nj,nd->jd", dz, h)
            g[1]["b"] += dz.sum(axis=0)
            J = np.einsum("dj,nj,je->nde", f2["W"], sig, f1["W"])   # df/dh per sample
            lam = lam + self.dt * np.einsum("nd,nde->ne", lam, J)
        g[0]["W"] = np.einsum("nd,ni->di", lam, X)
        g[0]["b"] = lam.sum(axis=0)
        self.grads = g

        for layer, gl, sq in zip(self.layers, g, self.square_avg):
            for k, w in layer.items():
                sq[k] *= self.alpha
                sq[k] += (1.0 - self.alpha) * np.square(gl[k])
                w -= self.lr * gl[k] / (np.sqrt(sq[k]) + self.eps)
        return loss
