"""A neural ODE classifier integrated by classical RK4, trained from scratch in NumPy.

The state is the input itself (dimension 4); the vector field depends on time:

    f(t, h) = tanh(h @ W1 + t * wt + b1) @ W2 + b2             4 -> 12 -> 4
    RK4, 3 steps over [0, 1] (dt = 1/3), t_k = k dt:
        k1 = f(t_k, h)              k2 = f(t_k + dt/2, h + dt/2 k1)
        k3 = f(t_k + dt/2, h + dt/2 k2)   k4 = f(t_k + dt, h + dt k3)
        h <- h + dt/6 (k1 + 2 k2 + 2 k3 + k4)
    logits = h @ Wr + br                                         4 -> 3
    loss   = mean softmax cross-entropy

Backward: the discrete adjoint through every stage of every step, by hand.
Optimizer: SGD, lr 0.1, momentum 0.9 (v = mu v + g; p -= lr v), as torch.optim.SGD.

    X float (N, 4), y int (N,) in {0, 1, 2}
"""

import numpy as np


class RK4ODEClassifier:
    def __init__(self, dim=4, hidden=12, n_classes=3, n_steps=3, lr=0.1, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        s1, s2 = 1.0 / np.sqrt(dim), 1.0 / np.sqrt(hidden)
        self.W1 = rng.uniform(-s1, s1, (dim, hidden))
        self.b1 = rng.uniform(-s1, s1, hidden)
        self.wt = rng.uniform(-1.0, 1.0, hidden)
        self.W2 = rng.uniform(-s2, s2, (hidden, dim))
        self.b2 = rng.uniform(-s2, s2, dim)
        self.Wr = rng.uniform(-s1, s1, (dim, n_classes))
        self.br = rng.uniform(-s1, s1, n_classes)
        self.names = ["W1", "b1", "wt", "W2", "b2", "Wr", "br"]
        self.n_steps = n_steps
        self.dt = 1.0 / n_steps
        self.lr = lr
        self.momentum = momentum
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {}

    # --------------------------------------------------------------- the field
    def field(self, t, h):
        a = np.tanh(h @ self.W1 + t * self.wt + self.b1)
        return a @ self.W2 + self.b2, (h, t, a)

    def field_backward(self, dout, cache, g):
        """Accumulate the parameter gradients of f at this call; return d/dh."""
        h, t, a = cache
        g["W2"] += a.T @ dout
        g["b2"] += dout.sum(axis=0)
        dz = (dout @ self.W2.T) * (1.0 - a * a)
        g["W1"] += h.T @ dz
        g["b1"] += dz.sum(axis=0)
        g["wt"] += t * dz.sum(axis=0)
        return dz @ self.W1.T

    # ----------------------------------------------------------------- forward
    def forward(self, X):
        dt = self.dt
        h = X
        tape = []
        for k in range(self.n_steps):
            t = k * dt
            k1, c1 = self.field(t, h)
            k2, c2 = self.field(t + dt / 2, h + dt / 2 * k1)
            k3, c3 = self.field(t + dt / 2, h + dt / 2 * k2)
            k4, c4 = self.field(t + dt, h + dt * k3)
            tape.append((c1, c2, c3, c4))
            h = h + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        logits = h @ self.Wr + self.br
        return logits, h, tape

    @staticmethod
    def softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits, _, _ = self.forward(X)
        p = self.softmax(logits)
        return -np.mean(np.log(p[np.arange(len(y)), y]))

    # ---------------------------------------------------------------- backward
    def backward(self, X, y):
        dt = self.dt
        N = X.shape[0]
        logits, hT, tape = self.forward(X)
        p = self.softmax(logits)
        loss = -np.mean(np.log(p[np.arange(N), y]))

        g = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        dlogits = p.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g["Wr"] = hT.T @ dlogits
        g["br"] = dlogits.sum(axis=0)
        dh = dlogits @ self.Wr.T

        for c1, c2, c3, c4 in reversed(tape):
            dk1 = dt / 6 * dh
            dk2 = dt / 3 * dh
            dk3 = dt / 3 * dh
            dk4 = dt / 6 * dh
            # h_next = h + ..., so the identity path carries dh straight through
            du4 = self.field_backward(dk4, c4, g)        # u4 = h + dt k3
            dh = dh + du4
            dk3 = dk3 + dt * du4
            du3 = self.field_backward(dk3, c3, g)        # u3 = h + dt/2 k2
            dh = dh + du3
            dk2 = dk2 + dt / 2 * du3
            du2 = self.field_backward(dk2, c2, g)        # u2 = h + dt/2 k1
            dh = dh + du2
            dk1 = dk1 + dt * du2
            du1 = self.field_backward(dk1, c1, g)        # u1 = h
            dh = dh + du1
        self.grads = g
        return loss

    # --------------------------------------------------------------- optimizer
    def sgd_momentum(self):
        for n in self.names:
            v = self.velocity[n]
            v *= self.momentum
            v += self.grads[n]
            setattr(self, n, getattr(self, n) - self.lr * v)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_momentum()
        return float(loss)
