"""The RK4 neural ODE regressor of rk4_numpy.py written another way (a correct variant).

Weights are attributes kept (out, in) like nn.Linear; the solver is a generic explicit
Runge-Kutta loop over a Butcher tableau (classical RK4), forward and backward; the field's
products are einsums; Adam updates its moments and the weights in place.
"""

import math

import numpy as np

NAMES = ("Win", "bin", "W1", "b1", "W2", "b2", "Wout", "bout")

# classical RK4: stage i reads h + dt * sum_j A[i][j] k_j, the step adds dt * sum_i B[i] k_i
A_TAB = ((), (0.5,), (0.0, 0.5), (0.0, 0.0, 1.0))
B_TAB = (1.0 / 6.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 6.0)


class TableauODERegressor:
    def __init__(self, n_in=4, state=8, width=16, steps=4, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        lim = lambda fan: 1.0 / math.sqrt(fan)
        self.Win = rng.uniform(-lim(n_in), lim(n_in), (state, n_in))
        self.bin = rng.uniform(-lim(n_in), lim(n_in), state)
        self.W1 = rng.uniform(-lim(state), lim(state), (width, state))
        self.b1 = rng.uniform(-lim(state), lim(state), width)
        self.W2 = rng.uniform(-lim(width), lim(width), (state, width))
        self.b2 = rng.uniform(-lim(width), lim(width), state)
        self.Wout = rng.uniform(-lim(state), lim(state), (1, state))
        self.bout = rng.uniform(-lim(state), lim(state), 1)
        self.n_steps, self.lr = steps, lr
        self.betas, self.eps = (0.9, 0.999), 1e-8
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.step_count = 0
        self.grads = {}

    def _f(self, u):
        a = np.tanh(np.einsum("nd,wd->nw", u, self.W1) + self.b1)
        return np.einsum("nw,sw->ns", a, self.W2) + self.b2, a

    def _f_back(self, gk, u, a, g):
        g["W2"] += np.einsum("ns,nw->sw", gk, a)
        g["b2"] += gk.sum(0)
        dz = np.einsum("ns,sw->nw", gk, self.W2) * (1.0 - a * a)
        g["W1"] += np.einsum("nw,nd->wd", dz, u)
        g["b1"] += dz.sum(0)
        return np.einsum("nw,wd->nd", dz, self.W1)

    def _run(self, X):
        dt = 1.0 / self.n_steps
        h = np.einsum("ni,si->ns", X, self.Win) + self.bin
        tape = []
        for _ in range(self.n_steps):
            ks, stages = [], []
            for i in range(len(B_TAB)):
                u = h.copy()
                for j, aij in enumerate(A_TAB[i]):
                    if aij:
                        u += (dt * aij) * ks[j]
                k, act = self._f(u)
                ks.append(k)
                stages.append((u, act))
            incr = sum(bi * k for bi, k in zip(B_TAB, ks))
            h = h + dt * incr
            tape.append(stages)
        return h, tape

    def loss(self, X, y):
        X = np.asarray(X, dtype=self.Win.dtype)
        h, _ = self._run(X)
        pred = h @ self.Wout[0] + self.bout[0]
        return float(np.mean((pred - y) ** 2))

    def train_step(self, X, y):
        X = np.asarray(X, dtype=self.Win.dtype)
        y = np.asarray(y, dtype=self.Win.dtype)
        dt = 1.0 / self.n_steps
        h, tape = self._run(X)
        pred = h @ self.Wout[0] + self.bout[0]
        r = pred - y
        loss = float(np.mean(r * r))

        g = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        dpred = r * (2.0 / len(r))
        g["Wout"] = dpred[None, :] @ h
        g["bout"] = np.array([dpred.sum()], dtype=h.dtype)
        dh = np.outer(dpred, self.Wout[0])
        for stages in reversed(tape):
            dks = [(dt * bi) * dh for bi in B_TAB]
            dprev = dh.copy()
            for i in reversed(range(len(B_TAB))):
                u, act = stages[i]
                du = self._f_back(dks[i], u, act, g)
                dprev += du
                for j, aij in enumerate(A_TAB[i]):
                    if aij:
                        dks[j] += (dt * aij) * du
            dh = dprev
        g["Win"] = np.einsum("ns,ni->si", dh, X)
        g["bin"] = dh.sum(0)
        self.grads = g

        self.step_count += 1
        b1, b2 = self.betas
        c1 = 1.0 - b1 ** self.step_count
        c2 = 1.0 - b2 ** self.step_count
        for k in NAMES:
            m, v, w = self.m[k], self.v[k], getattr(self, k)
            m *= b1
            m += (1.0 - b1) * g[k]
            v *= b2
            v += (1.0 - b2) * g[k] ** 2
            w -= (self.lr / c1) * m / (np.sqrt(v) / math.sqrt(c2) + self.eps)
        return loss
