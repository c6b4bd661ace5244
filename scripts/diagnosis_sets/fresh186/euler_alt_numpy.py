"""The Euler neural ODE regressor of euler_numpy.py written another way (correct).

Weights kept in the (out, in) layout of nn.Linear, products written with
np.einsum, the forward caching the tanh activations for the adjoint, and Adam
written as torch does it (step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps,
moments updated in place).
"""

import math

import numpy as np


class EulerODERegressor:
    def __init__(self, n_in=3, dim=6, hidden=16, n_steps=4, t_end=1.0,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        shapes = {"Win": (dim, n_in), "bin": (dim,), "W1": (hidden, dim), "b1": (hidden,),
                  "W2": (dim, hidden), "b2": (dim,), "Wout": (1, dim), "bout": (1,)}
        fan_in = {"Win": n_in, "bin": n_in, "W1": dim, "b1": dim,
                  "W2": hidden, "b2": hidden, "Wout": dim, "bout": dim}
        self.params = {}
        for name, shape in shapes.items():
            bound = 1.0 / math.sqrt(fan_in[name])
            self.params[name] = rng.uniform(-bound, bound, shape)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_steps, self.dt = n_steps, t_end / n_steps
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.state = {k: (np.zeros_like(p), np.zeros_like(p)) for k, p in self.params.items()}
        self.step_count = 0

    def _forward(self, X):
        p = self.params
        h = np.einsum("ni,di->nd", X, p["Win"]) + p["bin"]
        hs, acts = [h], []
        for _ in range(self.n_steps):
            a = np.tanh(np.einsum("nd,jd->nj", h, p["W1"]) + p["b1"])
            acts.append(a)
            h = h + self.dt * (np.einsum("nj,dj->nd", a, p["W2"]) + p["b2"])
            hs.append(h)
        yhat = np.einsum("nd,od->no", h, p["Wout"])[:, 0] + p["bout"][0]
        return yhat, hs, acts

    def loss(self, X, y):
        return np.mean((self._forward(X)[0] - y) ** 2)

    def train_step(self, X, y):
        p = self.params
        yhat, hs, acts = self._forward(X)
        r = yhat - y
        loss = float(np.mean(r * r))
        e = r * (2.0 / len(r))
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wout"][0] = np.einsum("n,nd->d", e, hs[-1])
        g["bout"][0] = e.sum()
        lam = np.outer(e, p["Wout"][0])                  # adjoint state, (N, dim)
        for k in range(self.n_steps - 1, -1, -1):
            a = acts[k]
            mu = self.dt * lam
            g["W2"] += np.einsum("nd,nj->dj", mu, a)
            g["b2"] += mu.sum(0)
            dz = np.einsum("nd,dj->nj", mu, p["W2"]) * (1.0 - a * a)
            g["W1"] += np.einsum("nj,nd->jd", dz, hs[k])
            g["b1"] += dz.sum(0)
            lam = lam + np.einsum("nj,jd->nd", dz, p["W1"])
        g["Win"] = np.einsum("nd,ni->di", lam, X)
        g["bin"] = lam.sum(0)
        self.grads = g

        self.step_count += 1
        bc1 = 1.0 - self.beta1 ** self.step_count
        bc2 = 1.0 - self.beta2 ** self.step_count
        step_size = self.lr / bc1
        for k, w in p.items():
            m, v = self.state[k]
            m *= self.beta1
            m += (1.0 - self.beta1) * g[k]
            v *= self.beta2
            v += (1.0 - self.beta2) * g[k] * g[k]
            w -= step_size * m / (np.sqrt(v) / math.sqrt(bc2) + self.eps)
        return loss
